package dev.plumbline.sandbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestApiTest {

    private static final BasicCredentials WRITER = new BasicCredentials("plumbline", "writer-secret");
    private static final BasicCredentials READER = new BasicCredentials("watcher", "reader-secret");
    private static final CredentialsProvider CAN_WRITE =
            new UsernamePasswordCredentialsProvider(WRITER.username(), WRITER.password());
    private static final String BRANCH = "plumbline/promote/web/web";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();
    private GitServer server;
    private String pulls;
    private ObjectId branchHead;
    private ObjectId mainHead;

    @BeforeEach
    void startServerWithAPromotionBranch() throws Exception {
        server = new GitServer(root, WRITER, READER).start();
        server.createBareRepository("config");
        pulls = server.url() + "/api/v1/repos/plumbline/config/pulls";
        try (Git clone = Git.cloneRepository()
                .setURI(server.repositoryUrl("config"))
                .setDirectory(work.resolve("clone").toFile())
                .setCredentialsProvider(CAN_WRITE)
                .call()) {
            Path values = clone.getRepository().getWorkTree().toPath().resolve("values.yaml");
            Files.writeString(values, "image: web:1.2.4\n");
            commit(clone, "values.yaml", "First");
            clone.push()
                    .setCredentialsProvider(CAN_WRITE)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/main"))
                    .call();
            Files.writeString(values, "image: web:1.2.5\n");
            branchHead = commit(clone, "values.yaml", "Promote web to 1.2.5\n\nPlumbline-Promotion: p-1\n");
            clone.push()
                    .setCredentialsProvider(CAN_WRITE)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/" + BRANCH))
                    .call();
            clone.checkout().setName("origin/main").call();
            Files.writeString(clone.getRepository().getWorkTree().toPath().resolve("README.md"), "config\n");
            mainHead = commit(clone, "README.md", "Describe the repository");
            clone.push()
                    .setCredentialsProvider(CAN_WRITE)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/main"))
                    .call();
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aPullRequestIsOpenedListedAndEditedButNotDuplicated() throws Exception {
        HttpResponse<String> created = send("POST", pulls, WRITER, """
                {"head": "%s", "base": "main", "title": "Promote web to 1.2.5", "body": "web 1.2.4 -> 1.2.5"}""".formatted(BRANCH));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode pull = JSON.readTree(created.body());
        assertThat(pull.path("number").asInt()).isEqualTo(1);
        assertThat(pull.path("state").asText()).isEqualTo("open");
        assertThat(pull.path("head").path("ref").asText()).isEqualTo(BRANCH);
        assertThat(pull.path("head").path("sha").asText()).isEqualTo(branchHead.name());
        assertThat(pull.path("base").path("ref").asText()).isEqualTo("main");
        assertThat(pull.path("merged").asBoolean()).isFalse();
        assertThat(pull.path("html_url").asText()).isEqualTo(server.url() + "/plumbline/config/pulls/1");

        HttpResponse<String> again = send("POST", pulls, WRITER, """
                {"head": "%s", "base": "main", "title": "Promote web to 1.2.6"}""".formatted(BRANCH));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already exists", "#1");

        HttpResponse<String> edited = send("PATCH", pulls + "/1", WRITER, """
                {"title": "Promote web to 1.2.6", "body": "web 1.2.4 -> 1.2.6"}""");
        assertThat(edited.statusCode()).isEqualTo(201);

        JsonNode open =
                JSON.readTree(send("GET", pulls + "?state=open", READER, null).body());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("title").asText()).isEqualTo("Promote web to 1.2.6");
        assertThat(open.get(0).path("body").asText()).isEqualTo("web 1.2.4 -> 1.2.6");
        assertThat(JSON.readTree(
                        send("GET", pulls + "?state=closed", READER, null).body()))
                .isEmpty();
    }

    @Test
    void mergingMakesAMergeCommitOnTheBaseWithTheReviewersMessage() throws Exception {
        send("POST", pulls, WRITER, """
                {"head": "%s", "base": "main", "title": "Promote web to 1.2.5"}""".formatted(BRANCH));

        HttpResponse<String> merged = send("POST", pulls + "/1/merge", WRITER, """
                {"Do": "merge", "MergeMessageField": "Approved-by: Ada <ada@example.test>"}""");

        assertThat(merged.statusCode()).isEqualTo(200);
        try (Repository bare = Git.open(root.resolve("config.git").toFile()).getRepository();
                RevWalk walk = new RevWalk(bare)) {
            RevCommit merge = walk.parseCommit(bare.resolve("refs/heads/main"));
            assertThat(merge.getParents())
                    .extracting(ObjectId::name)
                    .containsExactly(mainHead.name(), branchHead.name());
            assertThat(merge.getCommitterIdent().getName()).isEqualTo("sandbox reviewer");
            assertThat(merge.getFullMessage())
                    .startsWith("Merge pull request 'Promote web to 1.2.5' (#1) from " + BRANCH + " into main")
                    .contains("\n\nApproved-by: Ada <ada@example.test>");
            assertThat(content(bare, merge, "values.yaml")).isEqualTo("image: web:1.2.5\n");
            assertThat(content(bare, merge, "README.md")).isEqualTo("config\n");

            JsonNode pull =
                    JSON.readTree(send("GET", pulls + "/1", READER, null).body());
            assertThat(pull.path("merged").asBoolean()).isTrue();
            assertThat(pull.path("state").asText()).isEqualTo("closed");
            assertThat(pull.path("merge_commit_sha").asText()).isEqualTo(merge.name());
        }
        assertThat(JSON.readTree(send("GET", pulls, READER, null).body())).isEmpty();
        assertThat(JSON.readTree(send("GET", pulls + "?state=all", READER, null).body()))
                .hasSize(1);
        assertThat(send("POST", pulls + "/1/merge", WRITER, "{\"Do\": \"merge\"}")
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    void anApprovalIsAReviewOfTheUserWhoGaveIt() throws Exception {
        send("POST", pulls, WRITER, """
                {"head": "%s", "base": "main", "title": "Promote web to 1.2.5"}""".formatted(BRANCH));

        HttpResponse<String> approved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pulls + "/1/reviews"))
                                .header("Authorization", "token " + WRITER.password())
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"event\": \"APPROVED\", \"body\": \"ship it\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode reviews =
                JSON.readTree(send("GET", pulls + "/1/reviews", READER, null).body());
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).path("user").path("login").asText()).isEqualTo("plumbline");
        assertThat(reviews.get(0).path("state").asText()).isEqualTo("APPROVED");
        assertThat(reviews.get(0).path("commit_id").asText()).isEqualTo(branchHead.name());
    }

    @Test
    void aBranchThatIsNotThereIsNamed() throws Exception {
        HttpResponse<String> refused = send("POST", pulls, WRITER, """
                {"head": "no-such-branch", "base": "main", "title": "Nothing"}""");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(refused.body()).path("message").asText())
                .isEqualTo("the branch no-such-branch does not exist");
        assertThat(send("GET", server.url() + "/api/v1/repos/plumbline/unknown/pulls", WRITER, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theReaderMayReadButNeitherPushNorChangePullRequests() throws Exception {
        assertThat(send("GET", pulls, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", pulls, READER, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", pulls, READER, """
                {"head": "%s", "base": "main", "title": "Sneaky"}""".formatted(BRANCH)).statusCode())
                .isEqualTo(403);

        CredentialsProvider reader = new UsernamePasswordCredentialsProvider(READER.username(), READER.password());
        try (Git clone = Git.cloneRepository()
                .setURI(server.repositoryUrl("config"))
                .setDirectory(work.resolve("reader").toFile())
                .setCredentialsProvider(reader)
                .call()) {
            commit(clone, null, "Sneaky");
            assertThatThrownBy(() -> clone.push()
                            .setCredentialsProvider(reader)
                            .setRefSpecs(new RefSpec("HEAD:refs/heads/main"))
                            .call())
                    .isInstanceOf(TransportException.class);
        }
        try (Repository bare = Git.open(root.resolve("config.git").toFile()).getRepository()) {
            assertThat(bare.resolve("refs/heads/main")).isEqualTo(mainHead);
        }
    }

    private HttpResponse<String> send(String method, String url, BasicCredentials user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            String basic = user.username() + ":" + user.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RevCommit commit(Git git, String file, String message) throws Exception {
        if (file != null) {
            git.add().addFilepattern(file).call();
        }
        return git.commit()
                .setMessage(message)
                .setAllowEmpty(true)
                .setAuthor("Ada", "ada@example.test")
                .setCommitter("Ada", "ada@example.test")
                .call();
    }

    private static String content(Repository repository, RevCommit commit, String path) throws Exception {
        try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
            return new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
