package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where one host's API puts a pull request's fields: read from its answers, written into its requests. */
final class PullRequestJson {

    /** GitHub's shape, which Gitea follows. */
    static final PullRequestJson GITHUB = new PullRequestJson("/number", "/html_url", "/head/ref", "body");

    static final PullRequestJson GITLAB = new PullRequestJson("/iid", "/web_url", "/source_branch", "description");
    static final PullRequestJson BITBUCKET =
            new PullRequestJson("/id", "/links/html/href", "/source/branch/name", "description");

    private static final JsonPointer TITLE = JsonPointer.compile("/title");

    private final JsonPointer number;
    private final JsonPointer webUrl;
    private final JsonPointer branch;
    private final String description;

    private PullRequestJson(String number, String webUrl, String branch, String description) {
        this.number = JsonPointer.compile(number);
        this.webUrl = JsonPointer.compile(webUrl);
        this.branch = JsonPointer.compile(branch);
        this.description = description;
    }

    PullRequest read(JsonNode pull) {
        return new PullRequest(
                pull.at(number).asInt(),
                pull.at(webUrl).asText(),
                pull.at(branch).asText(),
                pull.at(TITLE).asText());
    }

    /** The first of {@code pulls} from exactly {@code sourceBranch}: a host's filter may match more loosely. */
    Optional<PullRequest> from(String sourceBranch, JsonNode pulls) {
        for (JsonNode pull : pulls) {
            if (sourceBranch.equals(pull.at(branch).asText())) {
                return Optional.of(read(pull));
            }
        }
        return Optional.empty();
    }

    /** The request body with the draft's title and description, to which opening adds the branches. */
    Map<String, Object> text(PullRequestDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put(description, draft.body());
        return body;
    }
}
