package dev.plumbline.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.ServiceStandIn;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageCommandsTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String IMAGE = "127.0.0.1:5000/shop/web:1.2.4@" + DIGEST;
    private static final String IMAGES = """
            [{"app": "web", "repository": "127.0.0.1:5000/shop/web", "policy": "semver ~1.2",
              "current": "127.0.0.1:5000/shop/web:1.2.3", "chosen": "1.2.4@%s",
              "open": {"promotionId": "p-1", "tag": "1.2.4", "digest": "%s", "branch": "plumbline/promote/web/web",
                       "pullRequestNumber": 1, "pullRequestUrl": "http://git/plumbline/demo/pulls/1"},
              "lastCheck": "2026-12-08T00:01:02.345Z", "lastError": null, "nextAttempt": null, "failures": 0},
             {"app": "api", "repository": "registry.example.com/shop/api", "policy": "pattern ^main-",
              "current": "registry.example.com/shop/api:main-7", "chosen": null, "open": null, "lastCheck": null,
              "lastError": "registry.example.com refused the connection",
              "nextAttempt": "2026-12-08T00:05:00.123Z", "failures": 3}]
            """.formatted(DIGEST, DIGEST);

    private final ServiceStandIn imageUpdater = new ServiceStandIn();

    @AfterEach
    void stop() {
        imageUpdater.close();
    }

    private Map<String, String> environment() {
        return Map.of("IMAGE_UPDATER_URL", imageUpdater.url(), "PLUMBLINE_PROMOTE_TOKEN", "ci-token");
    }

    @Test
    void imageListShowsEachWatchedImageWithItsPolicyPullRequestAndState() {
        imageUpdater.answerJson("/api/images", IMAGES);

        Plumb.Run run = Plumb.run(environment(), "image", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .matches("APP +REPOSITORY +POLICY +IN GIT +NEWEST +PULL REQUEST +STATUS");
        assertThat(run.out())
                .contains("web  ", "semver ~1.2", "1.2.4@" + DIGEST, "http://git/plumbline/demo/pulls/1")
                .contains("checked 2026-12-08T00:01:02Z")
                .contains("registry.example.com refused the connection (next attempt 2026-12-08T00:05:00Z)");
        assertThat(run.out()
                        .lines()
                        .filter(line -> line.startsWith("api"))
                        .findFirst()
                        .orElseThrow())
                .matches(".*shop/api:main-7 +- +- +registry.example.com refused the connection.*");
    }

    @Test
    void imageListAsJsonIsTheImageUpdatersAnswer() throws Exception {
        imageUpdater.answerJson("/api/images", IMAGES);

        Plumb.Run run = Plumb.run(environment(), "image", "list", "-o", "json");

        JsonNode printed = new ObjectMapper().readTree(run.out());
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0).path("policy").asText()).isEqualTo("semver ~1.2");
    }

    @Test
    void promoteAsksTheImageUpdaterWithTheTokenAndPrintsThePullRequest() throws Exception {
        imageUpdater.answer(
                "/api/promotions",
                201,
                "application/json",
                "{\"pullRequestUrl\": \"http://git/plumbline/demo/pulls/2\", \"pullRequestNumber\": 2}");

        Plumb.Run run = Plumb.run(environment(), "image", "promote", "web", IMAGE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("http://git/plumbline/demo/pulls/2\n");
        ServiceStandIn.Received request = imageUpdater.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isEqualTo("Bearer ci-token");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("app").asText()).isEqualTo("web");
        assertThat(body.path("image").asText()).isEqualTo(IMAGE);
        assertThat(body.path("direct").asBoolean()).isFalse();
    }

    @Test
    void aDirectPromotionPrintsTheCommit() throws Exception {
        imageUpdater.answer("/api/promotions", 201, "application/json", "{\"commit\": \"1a2b3c4d\"}");

        Plumb.Run run = Plumb.run(environment(), "image", "promote", "web", IMAGE, "--direct");

        assertThat(run.out()).isEqualTo("1a2b3c4d\n");
        assertThat(new ObjectMapper()
                        .readTree(imageUpdater.received().get(0).body())
                        .path("direct")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aPromotionThatChangesNothingPrintsWhy() {
        imageUpdater.answer("/api/promotions", 200, "application/json", "{\"message\": \"web already runs 1.2.4\"}");

        Plumb.Run run = Plumb.run(environment(), "image", "promote", "web", IMAGE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("web already runs 1.2.4\n");
    }

    @Test
    void anImageNotPinnedByADigestIsRefusedBeforeAnythingIsAsked() {
        Plumb.Run run = Plumb.run(environment(), "image", "promote", "web", "127.0.0.1:5000/shop/web:1.2.4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not pinned by a digest").contains("@sha256:");
        assertThat(imageUpdater.received()).isEmpty();
    }

    @Test
    void withoutATokenTheCommandSaysWhereOneComesFrom() {
        Plumb.Run run = Plumb.run(Map.of("IMAGE_UPDATER_URL", imageUpdater.url()), "image", "promote", "web", IMAGE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PLUMBLINE_PROMOTE_TOKEN is not set").contains(".plumbline/run/env");
        assertThat(imageUpdater.received()).isEmpty();
    }

    @Test
    void aRefusedTokenAndAnAppTheTokenMayNotTouchAreToldApart() {
        imageUpdater.answer("/api/promotions", 401, "application/json", "{\"message\": \"unknown token\"}");
        Plumb.Run refused = Plumb.run(environment(), "image", "promote", "web", IMAGE);

        imageUpdater.answer("/api/promotions", 403, "application/json", "{\"message\": \"not for app web\"}");
        Plumb.Run forbidden = Plumb.run(environment(), "image", "promote", "web", IMAGE);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refused the token in PLUMBLINE_PROMOTE_TOKEN (401): unknown token");
        assertThat(forbidden.exitCode()).isEqualTo(2);
        assertThat(forbidden.err()).contains("may not promote " + IMAGE + " into web (403): not for app web");
    }

    @Test
    void anImageUpdaterThatIsNotRunningIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> environment =
                Map.of("IMAGE_UPDATER_URL", "http://127.0.0.1:" + closedPort, "PLUMBLINE_PROMOTE_TOKEN", "t");

        Plumb.Run list = Plumb.run(environment, "image", "list");
        Plumb.Run promote = Plumb.run(environment, "image", "promote", "web", IMAGE);

        assertThat(list.err()).contains("cannot reach the image-updater at http://127.0.0.1:" + closedPort);
        assertThat(promote.err()).contains("cannot reach the image-updater").contains("./plumb up");
        assertThat(Plumb.run(Map.of(), "image", "list").err()).contains("IMAGE_UPDATER_URL is not set");
    }
}
