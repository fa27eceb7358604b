package dev.plumbline.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.ServiceStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftExportCommandTest {

    /** A file as the drift-auditor reproduces it from the rendered objects, so its patch applies as is. */
    private static final String IN_GIT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 3
            """;

    private static final String PATCH = """
            # Secret v1 shop/db data.password: a Secret value, masked; not written to Git
            diff --git a/apps/shop/web.yaml b/apps/shop/web.yaml
            --- a/apps/shop/web.yaml
            +++ b/apps/shop/web.yaml
            @@ -4,4 +4,4 @@
               name: web
               namespace: shop
             spec:
            -  replicas: 3
            +  replicas: 5
            """;

    @TempDir
    Path workingCopy;

    private final ServiceStandIn auditor = new ServiceStandIn();
    private Map<String, String> environment;

    @BeforeEach
    void setUp() throws Exception {
        environment = Map.of("DRIFT_AUDITOR_URL", auditor.url());
        try (Git git = Git.init()
                .setInitialBranch("main")
                .setDirectory(workingCopy.toFile())
                .call()) {
            Files.createDirectories(workingCopy.resolve("apps/shop"));
            Files.writeString(workingCopy.resolve("apps/shop/web.yaml"), IN_GIT);
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("shop")
                    .setAuthor("Ana", "ana@example.com")
                    .setCommitter("Ana", "ana@example.com")
                    .call();
        }
    }

    @AfterEach
    void stop() {
        auditor.close();
    }

    @Test
    void withSeveralDriftAuditorsEachIsAskedInTurnUntilOneHoldsTheApp() {
        auditor.answer("/api/apps/shop/drift/patch", 200, "text/x-diff", PATCH);
        try (ServiceStandIn notHolding = new ServiceStandIn()) {
            Plumb.Run run = Plumb.run(
                    Map.of(
                            "DRIFT_AUDITOR_INSTANCES",
                            "drift-auditor-1=" + notHolding.url() + ",drift-auditor-2=" + auditor.url(),
                            "DRIFT_AUDITOR_URL",
                            notHolding.url()),
                    "drift",
                    "export",
                    "shop");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(PATCH);
            assertThat(notHolding.requests()).containsExactly("/api/apps/shop/drift/patch");
        }
    }

    @Test
    void whenNoDriftAuditorHoldsTheAppEachOnesAnswerIsSaid() {
        try (ServiceStandIn other = new ServiceStandIn()) {
            Plumb.Run run = Plumb.run(
                    Map.of(
                            "DRIFT_AUDITOR_INSTANCES",
                            "drift-auditor-1=" + other.url() + ",drift-auditor-2=" + auditor.url()),
                    "drift",
                    "export",
                    "shop");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains("no drift-auditor instance has the drift of shop (drift-auditor-1: nothing at "
                            + "/api/apps/shop/drift/patch; drift-auditor-2: nothing at /api/apps/shop/drift/patch)");
        }
    }

    @Test
    void thePatchOfAPlainAppIsPrintedAsGitApplyTakesIt() {
        auditor.answer("/api/apps/shop/drift/patch", 200, "text/x-diff", PATCH);

        Plumb.Run run = Plumb.run(environment, "drift", "export", "shop");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(PATCH);
    }

    @Test
    void withToTheLiveValuesAreWrittenIntoTheWorkingCopyReadyToCommit() throws Exception {
        auditor.answer("/api/apps/shop/drift/patch", 200, "text/x-diff", PATCH);

        Plumb.Run run = Plumb.run(
                environment,
                "drift",
                "export",
                "shop",
                "--to",
                workingCopy.resolve("apps").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(workingCopy.resolve("apps/shop/web.yaml")))
                .isEqualTo(IN_GIT.replace("replicas: 3", "replicas: 5"));
        assertThat(run.out())
                .contains("note: Secret v1 shop/db data.password: a Secret value, masked; not written " + "to Git")
                .contains("Wrote the live state of shop into apps/shop/web.yaml");
    }

    @Test
    void aFileInAnotherLayoutIsLeftAloneWithAClearMessage() throws Exception {
        Files.writeString(workingCopy.resolve("apps/shop/web.yaml"), "# the web tier\n" + IN_GIT.replace("  ", "    "));
        auditor.answer("/api/apps/shop/drift/patch", 200, "text/x-diff", PATCH);

        Plumb.Run run = Plumb.run(environment, "drift", "export", "shop", "--to", workingCopy.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("the drift patch does not apply to " + workingCopy)
                .contains("make its changes by hand");
        assertThat(Files.readString(workingCopy.resolve("apps/shop/web.yaml"))).contains("    replicas: 3");
    }

    @Test
    void aHelmAppGetsEachDriftedFieldWithItsLiveValue() {
        auditor.answerJson("/api/apps/shop/drift/patch", """
                {"app": "shop", "renderer": "helm", "revision": "1a2b3c4", "objects": [
                  {"object": {"group": "apps", "version": "v1", "kind": "Deployment", "namespace": "shop",
                              "name": "web"},
                   "kind": "modified",
                   "fields": [{"path": "spec.replicas", "desired": 3, "live": 5,
                               "changedBy": {"manager": "kubectl-edit"}}]}],
                 "notes": ["a helm app: set these live values in its templates or values"]}
                """);

        Plumb.Run run = Plumb.run(environment, "drift", "export", "shop");

        assertThat(run.out()).isEqualTo("""
                Deployment shop/web (modified)
                  spec.replicas: live 5, Git 3
                # a helm app: set these live values in its templates or values
                """);
        assertThat(Plumb.run(environment, "drift", "export", "shop", "--to", workingCopy.toString())
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void withPrThePatchGoesToTheImageUpdaterAndThePullRequestIsPrinted() throws Exception {
        try (ServiceStandIn imageUpdater = new ServiceStandIn()) {
            auditor.answer("/api/apps/shop/drift/patch", 200, "text/x-diff", PATCH);
            imageUpdater.answer(
                    "/api/drift-exports", 201, "application/json", "{\"pullRequestUrl\": \"http://git/pulls/7\"}");
            Map<String, String> withImageUpdater = Map.of(
                    "DRIFT_AUDITOR_URL", auditor.url(),
                    "IMAGE_UPDATER_URL", imageUpdater.url(),
                    "PLUMBLINE_PROMOTE_TOKEN", "ci-token");

            Plumb.Run run = Plumb.run(withImageUpdater, "drift", "export", "shop", "--pr");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("http://git/pulls/7\n");
            ServiceStandIn.Received request = imageUpdater.received().get(0);
            assertThat(request.authorization()).isEqualTo("Bearer ci-token");
            JsonNode body = new ObjectMapper().readTree(request.body());
            assertThat(body.path("app").asText()).isEqualTo("shop");
            assertThat(body.path("patch").asText()).isEqualTo(PATCH);
        }
    }

    @Test
    void withPrAHelmAppOrNoDriftOpensNothing() {
        try (ServiceStandIn imageUpdater = new ServiceStandIn()) {
            Map<String, String> withImageUpdater = Map.of(
                    "DRIFT_AUDITOR_URL", auditor.url(),
                    "IMAGE_UPDATER_URL", imageUpdater.url(),
                    "PLUMBLINE_PROMOTE_TOKEN", "ci-token");
            auditor.answerJson("/api/apps/shop/drift/patch", """
                    {"app": "shop", "renderer": "helm", "objects": [], "notes": []}
                    """);
            Plumb.Run helm = Plumb.run(withImageUpdater, "drift", "export", "shop", "--pr");
            auditor.answer("/api/apps/shop/drift/patch", 200, "text/x-diff", "");
            Plumb.Run none = Plumb.run(withImageUpdater, "drift", "export", "shop", "--pr");

            assertThat(helm.exitCode()).isEqualTo(2);
            assertThat(helm.err()).contains("shop is not a plain-YAML app");
            assertThat(none.exitCode()).isZero();
            assertThat(none.out()).contains("No drift to export").contains("no pull request opened");
            assertThat(imageUpdater.received()).isEmpty();
        }
    }

    @Test
    void anAppTheDriftAuditorDoesNotKnowIsAnErrorWithItsExplanation() {
        auditor.answer(
                "/api/apps/nope/drift/patch",
                404,
                "application/json",
                "{\"status\":404,\"error\":\"app 'nope' has no desired state here\"}");

        Plumb.Run run = Plumb.run(environment, "drift", "export", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("export: app 'nope' has no desired state here\n");
    }
}
