package dev.plumbline.imageupdater;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ImageDetected;
import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ImageDetectionKind;
import dev.plumbline.events.vocabulary.PromotionFailureReason;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.imageupdater.testing.PromotionStack;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service end to end on real parts: images pushed to the distribution registry, which notifies the service; pull
 * requests on the sandbox Git server's Gitea API; the events on the embedded broker. The steps build on each other.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(PromotionStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class ImageUpdaterServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static EventTestClient events;

    @AfterAll
    static void closeClient() {
        if (events != null) {
            events.close();
        }
    }

    private EventTestClient events() {
        if (events == null) {
            events = new EventTestClient(bootstrapServers);
            events.ensureTopics(Topics.all(6));
        }
        return events;
    }

    @Test
    @Order(1)
    void aPushInRangeOpensOnePullRequestAndANewerOneUpdatesIt() throws IOException {
        PromotionStack.notifyTo(io.restassured.RestAssured.port);
        sendWeb(1, ImagePolicy.semver(PromotionStack.repository(), "~1.2"));

        // watched, and checked once: the registry holds 1.2.3, which the files already pin
        await().atMost(PATIENCE)
                .untilAsserted(() -> given().get("/api/images")
                        .then()
                        .body("find { it.app == 'web' }.current", containsString("1.2.3"))
                        .body("find { it.app == 'web' }.policy", org.hamcrest.Matchers.equalTo("semver ~1.2")));

        String digest124 = PromotionStack.push("1.2.4");

        await().atMost(PATIENCE).until(() -> openPulls().size() == 1);
        Pull first = openPulls().get(0);
        assertThat(first.title()).isEqualTo("Promote web to 1.2.4");
        assertThat(first.branch()).isEqualTo("plumbline/promote/web/web");
        assertThat(branchFile())
                .contains("newTag: 1.2.4", "digest: " + digest124)
                .doesNotContain("1.2.3");
        PromotionProposed proposed = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        PromotionProposed.class,
                        p -> p.tag().equals("1.2.4"));
        assertThat(proposed.updated()).isFalse();
        ImageDetected detected = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        ImageDetected.class,
                        d -> d.tag().equals("1.2.4"));
        assertThat(detected.cause().kind()).isEqualTo(ImageDetectionKind.REGISTRY_NOTIFICATION);
        assertThat(detected.sourceRevision()).isEqualTo("rev-1.2.4");
        assertThat(proposed.previousImage()).contains(PromotionStack.baseDigest());

        PromotionStack.push("1.2.5");

        await().atMost(PATIENCE).until(() -> openPulls().get(0).title().equals("Promote web to 1.2.5"));
        assertThat(openPulls()).as("updated, not duplicated").hasSize(1);
        assertThat(openPulls().get(0).number()).isEqualTo(first.number());
        PromotionProposed updated = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        PromotionProposed.class,
                        p -> p.tag().equals("1.2.5"));
        assertThat(updated.updated()).isTrue();
        assertThat(updated.promotionId()).isEqualTo(proposed.promotionId());
    }

    @Test
    @Order(2)
    void aPrereleaseOutsideTheRangeIsToldIgnored() {
        PromotionStack.push("1.3.0-rc.1");

        ImageDetected ignored = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        ImageDetected.class,
                        d -> d.tag().equals("1.3.0-rc.1"));

        assertThat(ignored.selected()).isFalse();
        assertThat(ignored.explanation()).contains("1.3.0-rc.1");
        assertThat(openPulls())
                .singleElement()
                .satisfies(pull -> assertThat(pull.title()).isEqualTo("Promote web to 1.2.5"));
    }

    @Test
    @Order(3)
    void aForgedNotificationIsRefusedAndAMalformedOneExplained() {
        given().header("Authorization", "Bearer not the secret")
                .contentType("application/vnd.docker.distribution.events.v1+json")
                .body("{\"events\": []}")
                .post("/api/registry-webhooks/distribution")
                .then()
                .statusCode(401)
                .body("error", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + PromotionStack.WEBHOOK_SECRET)
                .contentType(ContentType.JSON)
                .body("not json")
                .post("/api/registry-webhooks/distribution")
                .then()
                .statusCode(400)
                .body("error", org.hamcrest.Matchers.notNullValue());

        assertThat(openPulls()).hasSize(1);
    }

    @Test
    @Order(4)
    void aRegistryThatIsDownIsShownWithItsNextAttemptAndRetried() {
        PromotionStack.stopRegistry();
        // a notification delivered late, after the registry went down, nudges a check of web
        given().header("Authorization", "Bearer " + PromotionStack.WEBHOOK_SECRET)
                .contentType(ContentType.JSON)
                .body("""
                        {"events": [{"id": "late-1", "action": "push",
                          "target": {"repository": "shop/web", "tag": "1.2.6", "digest": "sha256:%s"},
                          "request": {"host": "127.0.0.1:%d"}}]}
                        """.formatted("a".repeat(64), PromotionStack.registryPort()))
                .post("/api/registry-webhooks/distribution")
                .then()
                .statusCode(202)
                .body("checks", org.hamcrest.Matchers.equalTo(1));

        await().atMost(PATIENCE)
                .untilAsserted(() -> given().get("/api/images")
                        .then()
                        .statusCode(200)
                        .body("find { it.app == 'web' }.lastError", containsString("127.0.0.1"))
                        .body("find { it.app == 'web' }.nextAttempt", org.hamcrest.Matchers.notNullValue()));
        PromotionFailed failed = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        PromotionFailed.class,
                        f -> f.reason() == PromotionFailureReason.REGISTRY_UNREACHABLE);
        assertThat(failed.message()).contains("is the registry running");
        assertThat(failed.nextAttemptAt()).isNotNull();

        PromotionStack.startRegistry();

        await().atMost(PATIENCE)
                .untilAsserted(() -> given().get("/api/images")
                        .then()
                        .body("find { it.app == 'web' }.lastError", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    @Order(5)
    void aMergeThroughTheHostsApiIsToldMerged() throws IOException {
        int number = openPulls().get(0).number();
        ObjectId before = head();
        given().auth()
                .preemptive()
                .basic(PromotionStack.WRITER.username(), PromotionStack.WRITER.password())
                .contentType(ContentType.JSON)
                .body("{\"Do\": \"merge\"}")
                .post(PromotionStack.gitApi() + "/pulls/" + number + "/merge")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        ObjectId after = head();

        events().send(CommitDetected.of(
                "merge",
                PromotionStack.configRepoUrl(),
                "refs/heads/main",
                before.name(),
                after.name(),
                RefUpdateKind.FAST_FORWARD,
                commits(before, after),
                List.of(PromotionStack.APP_PATH + "/kustomization.yaml"),
                FetchCause.poll(),
                null));

        PromotionMerged merged = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        PromotionMerged.class,
                        m -> m.app().equals("web"));
        assertThat(merged.mergeCommit()).isEqualTo(after.name());
        assertThat(merged.tag()).isEqualTo("1.2.5");
        assertThat(merged.pullRequestUrl()).isNotNull();
        await().atMost(PATIENCE)
                .untilAsserted(() -> given().get("/api/images")
                        .then()
                        .body("find { it.app == 'web' }.open", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    @Order(6)
    void ciPromotesByDigestOnlyWithATokenForTheApp() {
        String image = PromotionStack.repository() + "@" + PromotionStack.baseDigest();
        promote(null, "web", image).statusCode(401).body("error", containsString("Bearer"));
        promote("a guess", "web", image).statusCode(401);
        promote(PromotionStack.PROMOTE_TOKEN, "api", image).statusCode(403).body("error", containsString("ci"));
        promote(PromotionStack.OPS_TOKEN, "nope", image).statusCode(404);
        promote(PromotionStack.PROMOTE_TOKEN, "web", PromotionStack.repository() + ":1.2.3")
                .statusCode(400)
                .body("error", containsString("digest"));
        promote(PromotionStack.PROMOTE_TOKEN, "web", PromotionStack.repository() + "@sha256:" + "b".repeat(64))
                .statusCode(422);

        String other = "127.0.0.1:5000/shop/other@" + PromotionStack.baseDigest();
        promote(PromotionStack.PROMOTE_TOKEN, "web", other)
                .statusCode(400)
                .body("error", containsString("policies cover " + PromotionStack.repository()));
        promoteDirect(image)
                .statusCode(403)
                .body("error", containsString("its image policy says promotion: pull-request"));

        // a direct policy whose range never chooses 1.2.6 itself, so the commit is CI's
        sendWeb(2, new ImagePolicy(PromotionStack.repository(), "~1.3", null, null, null, false, PromotionMode.DIRECT));
        await().atMost(PATIENCE)
                .untilAsserted(() -> given().get("/api/images")
                        .then()
                        .body("find { it.app == 'web' }.policy", org.hamcrest.Matchers.equalTo("semver ~1.3")));
        String digest126 = PromotionStack.push("1.2.6");

        promoteDirect(PromotionStack.repository() + "@" + digest126)
                .statusCode(201)
                .body("commit", org.hamcrest.Matchers.notNullValue());
        PromotionMerged direct = events().awaitRecord(
                        Topics.IMAGE_EVENTS,
                        PATIENCE,
                        PromotionMerged.class,
                        m -> m.digest().equals(digest126));
        assertThat(direct.promotion()).isEqualTo(dev.plumbline.events.vocabulary.PromotionMode.DIRECT);
        assertThat(direct.tag()).as("the registry's tag at that digest").isEqualTo("1.2.6");
    }

    @Test
    @Order(7)
    void driftIsExportedAsAPullRequestOnlyForTheAppsOwnFiles() {
        String outside = """
                diff --git a/apps/api/x.yaml b/apps/api/x.yaml
                new file mode 100644
                --- /dev/null
                +++ b/apps/api/x.yaml
                @@ -0,0 +1 @@
                +replicas: 3
                """;
        exportDrift(outside).statusCode(400).body("error", containsString("outside the app's path"));

        exportDrift(outside.replace("apps/api/x.yaml", "apps/web/hotfix.yaml"))
                .statusCode(201)
                .body("branch", org.hamcrest.Matchers.startsWith("plumbline/drift/web/"))
                .body("pullRequestUrl", org.hamcrest.Matchers.notNullValue());
        assertThat(openPulls()).anySatisfy(pull -> assertThat(pull.branch()).startsWith("plumbline/drift/web/"));
    }

    private static io.restassured.response.ValidatableResponse promote(String token, String app, String image) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.body(java.util.Map.of("app", app, "image", image, "direct", false))
                .post("/api/promotions")
                .then();
    }

    private static io.restassured.response.ValidatableResponse promoteDirect(String image) {
        return given().header("Authorization", "Bearer " + PromotionStack.PROMOTE_TOKEN)
                .contentType(ContentType.JSON)
                .body(java.util.Map.of("app", "web", "image", image, "direct", true))
                .post("/api/promotions")
                .then();
    }

    private void sendWeb(long generation, ImagePolicy policy) {
        events().send(ApplicationSpec.of(
                        "web",
                        "plumbline",
                        generation,
                        SourceSpec.of(PromotionStack.configRepoUrl(), "main", PromotionStack.APP_PATH),
                        Destination.of("default"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .withImages(List.of(policy)));
    }

    private static io.restassured.response.ValidatableResponse exportDrift(String patch) {
        return given().header("Authorization", "Bearer " + PromotionStack.PROMOTE_TOKEN)
                .contentType(ContentType.JSON)
                .body(java.util.Map.of("app", "web", "patch", patch))
                .post("/api/drift-exports")
                .then();
    }

    /** The open pull requests on the sandbox's Gitea API: number, title and head branch of each. */
    private static List<Pull> openPulls() {
        JsonPath all = given().auth()
                .preemptive()
                .basic(PromotionStack.WRITER.username(), PromotionStack.WRITER.password())
                .get(PromotionStack.gitApi() + "/pulls?state=open")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Pull> pulls = new ArrayList<>();
        for (int i = 0; i < all.getList("$").size(); i++) {
            pulls.add(new Pull(
                    all.getInt("[" + i + "].number"),
                    all.getString("[" + i + "].title"),
                    all.getString("[" + i + "].head.ref")));
        }
        return pulls;
    }

    private record Pull(int number, String title, String branch) {}

    private static String branchFile() throws IOException {
        try (Git git = Git.open(PromotionStack.bareRepository().toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit tip = walk.parseCommit(git.getRepository().resolve("refs/heads/plumbline/promote/web/web"));
            try (var tree = org.eclipse.jgit.treewalk.TreeWalk.forPath(
                    git.getRepository(), PromotionStack.APP_PATH + "/kustomization.yaml", tip.getTree())) {
                return new String(git.getRepository().open(tree.getObjectId(0)).getBytes());
            }
        }
    }

    private static ObjectId head() throws IOException {
        try (Git git = Git.open(PromotionStack.bareRepository().toFile())) {
            return git.getRepository().resolve("refs/heads/main");
        }
    }

    /** The commits in {@code before..after}, oldest first, as the git-watcher announces them. */
    private static List<CommitInfo> commits(ObjectId before, ObjectId after) throws IOException {
        List<CommitInfo> commits = new ArrayList<>();
        try (Git git = Git.open(PromotionStack.bareRepository().toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            walk.markStart(walk.parseCommit(after));
            walk.markUninteresting(walk.parseCommit(before));
            for (RevCommit commit : walk) {
                GitSignature author = new GitSignature(
                        commit.getAuthorIdent().getName(),
                        commit.getAuthorIdent().getEmailAddress(),
                        null);
                GitSignature committer = new GitSignature(
                        commit.getCommitterIdent().getName(),
                        commit.getCommitterIdent().getEmailAddress(),
                        null);
                commits.add(
                        0,
                        new CommitInfo(
                                commit.getName(),
                                author,
                                committer,
                                commit.getFullMessage(),
                                commit.getFooterLines().stream()
                                        .map(f -> new Trailer(f.getKey(), f.getValue()))
                                        .toList()));
            }
        }
        return commits;
    }
}
