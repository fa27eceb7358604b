package dev.plumbline.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.ServiceStandIn;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppDiffCommandTest {

    private static final String SHA = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");

    private final ServiceStandIn reconciler = new ServiceStandIn();

    @AfterEach
    void stop() {
        reconciler.close();
    }

    @Test
    void aDifferenceIsShownPerObjectAsLiveAgainstGitWithExitCode1() {
        answer(DiffComputed.of(
                "c1",
                "shop",
                SHA,
                "sha256:00",
                SyncStatus.OUT_OF_SYNC,
                HealthStatus.HEALTHY,
                List.of(
                        new ObjectDiff(
                                WEB,
                                ChangeType.UPDATE,
                                HealthStatus.HEALTHY,
                                List.of(
                                        new FieldDiff("spec.replicas", NODES.numberNode(5), NODES.numberNode(3)),
                                        new FieldDiff(
                                                "spec.template.spec.containers[name=web].image",
                                                NODES.textNode("web:1.1"),
                                                NODES.textNode("web:1.2")),
                                        new FieldDiff("metadata.labels.tier", null, NODES.textNode("front")))),
                        new ObjectDiff(
                                ObjectIdentity.namespaced("v1", "ConfigMap", "shop", "new-settings"),
                                ChangeType.CREATE,
                                HealthStatus.MISSING,
                                null),
                        new ObjectDiff(
                                ObjectIdentity.namespaced("v1", "ConfigMap", "shop", "old-settings"),
                                ChangeType.DELETE,
                                HealthStatus.HEALTHY,
                                null),
                        new ObjectDiff(
                                ObjectIdentity.clusterScoped("v1", "Namespace", "shop"),
                                ChangeType.UNCHANGED,
                                HealthStatus.HEALTHY,
                                null))));

        Plumb.Run run = diff();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                --- live   Deployment apps/v1 shop/web
                +++ Git    Deployment apps/v1 shop/web
                @@ spec.replicas
                - 5
                + 3
                @@ spec.template.spec.containers[name=web].image
                - web:1.1
                + web:1.2
                @@ metadata.labels.tier
                + front

                --- live   (absent)
                +++ Git    ConfigMap v1 shop/new-settings
                + the whole object (created by a sync)

                --- live   ConfigMap v1 shop/old-settings
                +++ Git    (absent: pruned)
                - the whole object (deleted by a sync with prune)

                shop: 3 of 4 objects differ from Git at 1a2b3c4 (1 create, 1 delete, 1 update)
                """);
    }

    @Test
    void noDifferenceSaysSoWithExitCode0() {
        answer(DiffComputed.of(
                "c1",
                "shop",
                SHA,
                "sha256:00",
                SyncStatus.SYNCED,
                HealthStatus.HEALTHY,
                List.of(new ObjectDiff(WEB, ChangeType.UNCHANGED, HealthStatus.HEALTHY, null))));

        Plumb.Run run = diff();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("shop: no difference between Git at 1a2b3c4 and the cluster (1 objects)\n");
    }

    @Test
    void aDiffTheReconcilerDoesNotHaveIsAnErrorWithItsExplanationAndExitCode2() {
        reconciler.answer(
                "/api/apps/shop/diff",
                404,
                "application/json",
                "{\"status\":404,\"message\":\"no diff of application shop yet: it has not been compared by this "
                        + "instance\"}");

        Plumb.Run run = diff();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("diff: no diff of application shop yet: it has not been compared by this " + "instance\n");
    }

    @Test
    void jsonOutputIsTheDiffEventAndKeepsTheExitCode() {
        DiffComputed event = DiffComputed.of(
                "c1",
                "shop",
                SHA,
                "sha256:00",
                SyncStatus.OUT_OF_SYNC,
                HealthStatus.HEALTHY,
                List.of(new ObjectDiff(WEB, ChangeType.CREATE, HealthStatus.MISSING, null)));
        answer(event);

        Plumb.Run run = Plumb.run(Map.of("RECONCILER_URL", reconciler.url()), "app", "diff", "shop", "-o", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(EventJson.read(run.out().getBytes(StandardCharsets.UTF_8), DiffComputed.class))
                .isEqualTo(event);
    }

    @Test
    void withSeveralReconcilersEachIsAskedInTurnUntilOneHasTheApp() {
        answer(DiffComputed.of("c1", "shop", SHA, "sha256:00", SyncStatus.SYNCED, HealthStatus.HEALTHY, List.of()));
        try (ServiceStandIn notHolding = new ServiceStandIn()) {
            Plumb.Run run = Plumb.run(
                    Map.of(
                            "RECONCILER_INSTANCES",
                            "reconciler-1=" + notHolding.url() + ",reconciler-2=" + reconciler.url(),
                            "RECONCILER_URL",
                            notHolding.url()),
                    "app",
                    "diff",
                    "shop");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("shop: no difference between Git at 1a2b3c4 and the cluster (0 objects)");
            assertThat(notHolding.requests()).containsExactly("/api/apps/shop/diff");
        }
    }

    @Test
    void whenNoReconcilerHasTheAppEachOnesAnswerIsSaid() {
        try (ServiceStandIn other = new ServiceStandIn()) {
            Plumb.Run run = Plumb.run(
                    Map.of("RECONCILER_INSTANCES", "reconciler-1=" + other.url() + ",reconciler-2=" + reconciler.url()),
                    "app",
                    "diff",
                    "shop");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains(
                            "no reconciler instance has a diff of shop (reconciler-1: nothing at /api/apps/shop/diff; "
                                    + "reconciler-2: nothing at /api/apps/shop/diff)");
        }
    }

    @Test
    void anInstancesListThatIsNotNameEqualsUrlIsExplained() {
        Plumb.Run run = Plumb.run(Map.of("RECONCILER_INSTANCES", reconciler.url()), "app", "diff", "shop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("RECONCILER_INSTANCES has the entry '" + reconciler.url() + "', not name=url");
    }

    private void answer(DiffComputed diff) {
        reconciler.answerJson("/api/apps/shop/diff", new String(EventJson.write(diff), StandardCharsets.UTF_8));
    }

    private Plumb.Run diff() {
        return Plumb.run(Map.of("RECONCILER_URL", reconciler.url()), "app", "diff", "shop");
    }
}
