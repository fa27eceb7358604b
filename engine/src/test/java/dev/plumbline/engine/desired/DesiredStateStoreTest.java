package dev.plumbline.engine.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.testing.TestSigningKeys;
import org.junit.jupiter.api.Test;

class DesiredStateStoreTest {

    private final DesiredStateStore store = new DesiredStateStore(TestSigningKeys.trustedKeys("renderer"));
    private final ManifestsRendered rendered = EventSamples.manifestsRendered();
    private final String app = rendered.app();

    @Test
    void aRenderBecomesTheAppsDesiredState() {
        store.accept(app, rendered);

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).contains(rendered);
            assertThat(state.latestFailure()).isEmpty();
            assertThat(state.latestUntrusted()).isEmpty();
        });
    }

    @Test
    void anUnsignedRenderIsNotTakenAndTheAppKeepsItsDesiredStateAndKnowsWhy() {
        store.accept(app, rendered);
        ManifestsRendered unsigned = ManifestsRendered.of(
                "forged",
                app,
                rendered.generation(),
                rendered.sourceDigest(),
                rendered.repoUrl(),
                "0000000000000000000000000000000000000bad",
                rendered.path(),
                rendered.renderer(),
                java.util.List.of());

        assertThat(store.accept(app, unsigned).trusted()).isFalse();

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).contains(rendered);
            assertThat(state.latestUntrusted()).hasValueSatisfying(untrusted -> {
                assertThat(untrusted.revision()).isEqualTo("0000000000000000000000000000000000000bad");
                assertThat(untrusted.problem()).contains("it is not signed");
            });
        });
    }

    @Test
    void anUntrustedFirstRenderGivesNoDesiredState() {
        ManifestsRendered byAnotherKey = rendered.signedWith(TestSigningKeys.signingKey("git-watcher"));

        store.accept(app, byAnotherKey);

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).isEmpty();
            assertThat(state.latestUntrusted()).isPresent();
        });
    }

    @Test
    void aLaterTrustedRenderClearsWhatWasUntrusted() {
        store.accept(app, rendered.signedWith(TestSigningKeys.signingKey("renderer-next")));

        assertThat(store.accept(app, rendered).trusted()).isTrue();

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).contains(rendered);
            assertThat(state.latestUntrusted()).isEmpty();
        });
    }

    @Test
    void anUnsignedFailureKeepsTheDesiredStateAndReportsNoFailure() {
        store.accept(app, rendered);
        RenderFailed failed = EventSamples.renderFailed();
        RenderFailed unsigned = RenderFailed.of(
                failed.correlationId(),
                app,
                failed.repoUrl(),
                failed.revision(),
                failed.path(),
                failed.renderer(),
                failed.reason(),
                failed.message(),
                failed.file(),
                failed.line(),
                null);

        store.accept(app, unsigned);

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).contains(rendered);
            assertThat(state.latestFailure()).isEmpty();
            assertThat(state.latestUntrusted()).isPresent();
        });
    }

    @Test
    void aFailedRenderKeepsTheLastGoodOneAndSaysWhyTheLatestFailed() {
        store.accept(app, rendered);
        RenderFailed failed = withoutLastRendered(EventSamples.renderFailed());

        store.accept(app, failed);

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).contains(rendered);
            assertThat(state.latestFailure()).contains(failed);
        });
    }

    @Test
    void afterCompactionTheFailureItselfCarriesTheLastGoodRender() {
        RenderFailed failed = EventSamples.renderFailed();

        store.accept(app, failed);

        assertThat(store.get(app).flatMap(DesiredState::rendered)).contains(failed.lastRendered());
    }

    @Test
    void aTombstoneForgetsTheApp() {
        store.accept(app, rendered);

        store.accept(app, null);

        assertThat(store.get(app)).isEmpty();
    }

    @Test
    void anEventOfAnotherKindIsRefusedWithItsTypeNamed() {
        assertThatThrownBy(() -> store.accept(app, EventSamples.driftRecovered()))
                .hasMessageContaining("carries renders and render failures")
                .hasMessageContaining("DRIFT_RECOVERED");
    }

    private static RenderFailed withoutLastRendered(RenderFailed f) {
        return RenderFailed.of(
                        f.correlationId(),
                        f.app(),
                        f.repoUrl(),
                        f.revision(),
                        f.path(),
                        f.renderer(),
                        f.reason(),
                        f.message(),
                        f.file(),
                        f.line(),
                        null)
                .signedWith(TestSigningKeys.signingKey("renderer"));
    }
}
