package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static dev.plumbline.reconciler.testing.Renders.unsignedRender;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Write access to {@code plumbline.rendered-manifests} alone cannot change the cluster: a render that the renderer's
 * trusted keys do not verify is never applied, and says so on the Application. The renderer's key is being rotated
 * here: both its current and its next public key are trusted.
 */
@QuarkusTest
@TestProfile(RenderTrustAcceptanceTest.RotatingRendererKey.class)
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class RenderTrustAcceptanceTest extends AcceptanceFixture {

    public static class RotatingRendererKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "plumbline.trust.renderer-keys",
                    TestSigningKeys.publicKeyFile("renderer") + "," + TestSigningKeys.publicKeyFile("renderer-next"));
        }
    }

    @Test
    void anUnsignedRenderIsNotAppliedAndTheApplicationSaysWhichRevisionAndWhatToCheck() {
        String app = "unsigned";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", settings(app, "blue")));
        cluster.awaitConfigMap(
                app, "settings", map -> "blue".equals(map.getData().get("color")));

        kafka.send(unsignedRender(app, "rev2", settings(app, "red")));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "RenderUntrusted").isPresent());
        ApplicationStatusModel.Condition untrusted =
                condition(status, "RenderUntrusted").orElseThrow();
        assertThat(untrusted.status).isEqualTo("True");
        assertThat(untrusted.reason).isEqualTo("SignatureNotVerified");
        assertThat(untrusted.message)
                .contains("revision rev2", "it is not signed", "plumbline.trust.renderer-keys", "stays in force");
        assertThat(status.sync.revision).isEqualTo("rev1");
        assertThat(cluster.configMap(app, "settings").orElseThrow().getData()).containsEntry("color", "blue");
    }

    @Test
    void objectsSwappedUnderTheRenderersSignatureAreNotAppliedAndALaterSignedRenderClearsTheCondition() {
        String app = "swapped";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", settings(app, "blue")));
        cluster.awaitConfigMap(
                app, "settings", map -> "blue".equals(map.getData().get("color")));
        ManifestsRendered signed = render(app, "rev2", settings(app, "green"));
        ManifestsRendered swapped = new ManifestsRendered(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                app,
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.digest(),
                settings(app, "red"),
                signed.generation(),
                signed.sourceDigest(),
                signed.signature());

        kafka.send(swapped);

        ApplicationStatusModel refused =
                cluster.awaitStatus(app, s -> condition(s, "RenderUntrusted").isPresent());
        assertThat(condition(refused, "RenderUntrusted").orElseThrow().message)
                .contains("revision rev2", "do not match its digest");
        assertThat(cluster.configMap(app, "settings").orElseThrow().getData()).containsEntry("color", "blue");

        kafka.send(render(app, "rev3", settings(app, "green")));

        cluster.awaitConfigMap(
                app, "settings", map -> "green".equals(map.getData().get("color")));
        cluster.awaitStatus(
                app,
                s -> condition(s, "RenderUntrusted").isEmpty() && s.sync != null && "rev3".equals(s.sync.revision));
    }

    @Test
    void aRenderSignedByTheRenderersNextKeyIsAppliedWhileBothKeysAreTrusted() {
        String app = "rotated";
        cluster.deploy(app, automated(true));

        kafka.send(unsignedRender(app, "rev1", settings(app, "blue"))
                .signedWith(TestSigningKeys.signingKey("renderer-next")));

        cluster.awaitConfigMap(
                app, "settings", map -> "blue".equals(map.getData().get("color")));
    }

    @Test
    void aRenderSignedByAnotherServicesKeyIsNotApplied() {
        String app = "other-key";
        cluster.deploy(app, automated(true));

        kafka.send(unsignedRender(app, "rev1", settings(app, "blue"))
                .signedWith(TestSigningKeys.signingKey("git-watcher")));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "RenderUntrusted").isPresent());
        assertThat(condition(status, "RenderUntrusted").orElseThrow().message)
                .contains("revision rev1", "not made by the renderer's key");
        assertThat(condition(status, "WaitingForRender")).isPresent();
        assertThat(cluster.configMap(app, "settings")).isEmpty();
    }

    private static List<RenderedObject> settings(String app, String color) {
        return List.of(configMap(app, app, "settings", Map.of("color", color)));
    }
}
