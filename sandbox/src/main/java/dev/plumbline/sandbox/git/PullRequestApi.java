package dev.plumbline.sandbox.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.util.FS;

/**
 * The part of Gitea's API v1 that promotions use, at {@code /api/v1}: list, open, read, edit and merge pull
 * requests, and read and give reviews. {@code /repos/{owner}/{repo}} is the repository {@code owner/repo.git}
 * below the root when there is one, else {@code repo.git}, so that {@code plumbline/config} reaches
 * {@code config.git}.
 */
final class PullRequestApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern ROUTE = Pattern.compile(
            "/repos/([A-Za-z0-9_][A-Za-z0-9._-]*)/([A-Za-z0-9_][A-Za-z0-9._-]*)/pulls(?:/([0-9]{1,9})(/merge|/reviews)?)?");
    private static final int MAX_LIMIT = 50;
    private static final String ANONYMOUS = "sandbox";

    private final transient RepositoryRoot root;
    private final transient PullRequestStore store = new PullRequestStore();
    private final transient ObjectMapper json = new ObjectMapper();
    private final transient Clock clock = Clock.systemUTC();

    PullRequestApi(RepositoryRoot root) {
        this.root = root;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher route = ROUTE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!route.matches()) {
            answer(
                    response,
                    404,
                    PullRequestJson.error(
                            json,
                            "the sandbox serves only /api/v1/repos/{owner}/{repo}"
                                    + "/pulls[/{index}[/merge|/reviews]]"));
            return;
        }
        Path folder = repository(route.group(1), route.group(2));
        if (folder == null) {
            answer(
                    response,
                    404,
                    PullRequestJson.error(
                            json,
                            "no repository " + route.group(2) + ".git (nor " + route.group(1) + "/" + route.group(2)
                                    + ".git) below the root"));
            return;
        }
        String method = request.getMethod();
        String action = route.group(4) == null ? "" : route.group(4);
        try (Repository repository = FileKey.exact(folder.toFile(), FS.DETECTED).open(true)) {
            Call call = new Call(request, response, repository, folder, route.group(1), route.group(2));
            if (route.group(3) == null) {
                switch (method) {
                    case "GET" -> list(call);
                    case "POST" -> create(call);
                    default -> notAllowed(response, method);
                }
                return;
            }
            int number = Integer.parseInt(route.group(3));
            PullRequestRecord pull = store.find(folder, number).orElse(null);
            if (pull == null) {
                answer(response, 404, PullRequestJson.error(json, "there is no pull request #" + number));
                return;
            }
            switch (method + " " + action) {
                case "GET " -> answer(response, 200, render(call, pull));
                case "PATCH " -> edit(call, pull);
                case "POST /merge" -> merge(call, pull);
                case "GET /reviews" -> reviews(call, pull);
                case "POST /reviews" -> review(call, pull);
                default -> notAllowed(response, method);
            }
        } catch (ApiRefusal e) {
            answer(response, e.status, PullRequestJson.error(json, e.getMessage()));
        }
    }

    private void list(Call call) throws IOException, ApiRefusal {
        String state = ApiRequests.parameter(call.request, "state", "open");
        if (!List.of("open", "closed", "all").contains(state)) {
            throw new ApiRefusal(422, "state is open, closed or all, not " + state);
        }
        int page = Math.max(1, ApiRequests.number(call.request, "page", 1));
        int limit = Math.min(MAX_LIMIT, Math.max(1, ApiRequests.number(call.request, "limit", MAX_LIMIT)));
        ArrayNode pulls = json.createArrayNode();
        store.all(call.folder).stream()
                .filter(pull -> state.equals("all") || pull.open == state.equals("open"))
                .sorted(Comparator.comparingInt((PullRequestRecord pull) -> pull.number)
                        .reversed())
                .skip((long) (page - 1) * limit)
                .limit(limit)
                .forEach(pull -> pulls.add(render(call, pull)));
        answer(call.response, 200, pulls);
    }

    private void create(Call call) throws IOException, ApiRefusal {
        JsonNode body = ApiRequests.body(json, call.request);
        String head = ApiRequests.required(body, "head");
        String base = ApiRequests.required(body, "base");
        String title = ApiRequests.required(body, "title");
        synchronized (store.lock()) {
            if (head.equals(base)) {
                throw new ApiRefusal(422, "head and base are the same branch " + head);
            }
            PullRequestMerge.branch(call.repository, head);
            PullRequestMerge.branch(call.repository, base);
            if (store.openFor(call.folder, head, base).isPresent()) {
                throw new ApiRefusal(
                        409,
                        "pull request already exists for these targets: #"
                                + store.openFor(call.folder, head, base).get().number);
            }
            PullRequestRecord pull = new PullRequestRecord(
                    store.nextNumber(call.folder),
                    call.owner,
                    call.name,
                    head,
                    base,
                    user(call.request),
                    title,
                    body.path("body").asText(""),
                    clock.instant());
            store.add(call.folder, pull);
            answer(call.response, 201, render(call, pull));
        }
    }

    private void edit(Call call, PullRequestRecord pull) throws IOException, ApiRefusal {
        JsonNode body = ApiRequests.body(json, call.request);
        synchronized (store.lock()) {
            if (body.hasNonNull("title")) {
                if (body.get("title").asText().isBlank()) {
                    throw new ApiRefusal(422, "title may not be empty");
                }
                pull.title = body.get("title").asText();
            }
            if (body.hasNonNull("body")) {
                pull.body = body.get("body").asText();
            }
            if (body.hasNonNull("state")) {
                setState(call, pull, body.get("state").asText());
            }
            pull.updatedAt = clock.instant();
            // Gitea answers an edit with 201
            answer(call.response, 201, render(call, pull));
        }
    }

    private void setState(Call call, PullRequestRecord pull, String state) throws ApiRefusal {
        if (pull.merged) {
            throw new ApiRefusal(409, "pull request #" + pull.number + " is merged; its state cannot change");
        }
        switch (state) {
            case "closed" -> {
                pull.closedHeadSha = sha(call.repository, pull.head);
                pull.open = false;
                pull.closedAt = clock.instant();
            }
            case "open" -> {
                pull.open = true;
                pull.closedAt = null;
                pull.closedHeadSha = null;
            }
            default -> throw new ApiRefusal(422, "state is open or closed, not " + state);
        }
    }

    private void merge(Call call, PullRequestRecord pull) throws IOException, ApiRefusal {
        JsonNode body = ApiRequests.body(json, call.request);
        String style = body.path("Do").asText("");
        if (!style.equals("merge")) {
            throw new ApiRefusal(422, "the sandbox merges with {\"Do\": \"merge\"} only, not '" + style + "'");
        }
        synchronized (store.lock()) {
            if (!pull.open) {
                throw new ApiRefusal(
                        405, "pull request #" + pull.number + " is " + (pull.merged ? "merged" : "closed"));
            }
            String title = body.path("MergeTitleField").asText("");
            if (title.isBlank()) {
                title = "Merge pull request '" + pull.title + "' (#" + pull.number + ") from " + pull.head + " into "
                        + pull.base;
            }
            String text = body.path("MergeMessageField").asText("").strip();
            String message = text.isEmpty() ? title + "\n" : title + "\n\n" + text + "\n";
            String headSha = sha(call.repository, pull.head);
            pull.mergeCommit = PullRequestMerge.merge(call.repository, pull, message);
            pull.merged = true;
            pull.mergedBy = user(call.request);
            pull.closedHeadSha = headSha;
            pull.open = false;
            pull.closedAt = clock.instant();
            pull.updatedAt = pull.closedAt;
            call.response.setStatus(200);
        }
    }

    private void reviews(Call call, PullRequestRecord pull) throws IOException {
        ArrayNode reviews = json.createArrayNode();
        synchronized (store.lock()) {
            pull.reviews.forEach(review -> reviews.add(PullRequestJson.review(json, review)));
        }
        answer(call.response, 200, reviews);
    }

    private void review(Call call, PullRequestRecord pull) throws IOException, ApiRefusal {
        JsonNode body = ApiRequests.body(json, call.request);
        String event = body.path("event").asText("");
        String state = switch (event) {
            case "APPROVED", "APPROVE" -> "APPROVED";
            case "REQUEST_CHANGES" -> "REQUEST_CHANGES";
            case "COMMENT" -> "COMMENT";
            default -> throw new ApiRefusal(422, "event is APPROVED, REQUEST_CHANGES or COMMENT, not '" + event + "'");
        };
        synchronized (store.lock()) {
            PullRequestRecord.Review review = new PullRequestRecord.Review(
                    pull.reviews.size() + 1L,
                    user(call.request),
                    state,
                    body.path("body").asText(""),
                    headSha(call, pull),
                    clock.instant());
            pull.reviews.add(review);
            answer(call.response, 200, PullRequestJson.review(json, review));
        }
    }

    private JsonNode render(Call call, PullRequestRecord pull) {
        String server =
                call.request.getScheme() + "://" + call.request.getServerName() + ":" + call.request.getServerPort();
        return PullRequestJson.pullRequest(json, server, pull, headSha(call, pull), sha(call.repository, pull.base));
    }

    private String headSha(Call call, PullRequestRecord pull) {
        return pull.closedHeadSha != null ? pull.closedHeadSha : sha(call.repository, pull.head);
    }

    private static String sha(Repository repository, String branch) {
        try {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            ObjectId id = ref == null ? null : ref.getObjectId();
            return id == null ? null : id.name();
        } catch (IOException e) {
            return null;
        }
    }

    private Path repository(String owner, String name) {
        Path nested = root.existing(owner + "/" + name);
        return nested != null ? nested : root.existing(name);
    }

    private static String user(HttpServletRequest request) {
        return request.getRemoteUser() == null ? ANONYMOUS : request.getRemoteUser();
    }

    private void notAllowed(HttpServletResponse response, String method) throws IOException {
        answer(response, 405, PullRequestJson.error(json, method + " is not served here"));
    }

    private void answer(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private record Call(
            HttpServletRequest request,
            HttpServletResponse response,
            Repository repository,
            Path folder,
            String owner,
            String name) {}
}
