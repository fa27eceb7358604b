package dev.plumbline.engine.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import org.junit.jupiter.api.Test;

class DesiredStateStoreTest {

    private final DesiredStateStore store = new DesiredStateStore();
    private final ManifestsRendered rendered = EventSamples.manifestsRendered();
    private final String app = rendered.app();

    @Test
    void aRenderBecomesTheAppsDesiredState() {
        store.accept(app, rendered);

        assertThat(store.get(app)).hasValueSatisfying(state -> {
            assertThat(state.rendered()).contains(rendered);
            assertThat(state.latestFailure()).isEmpty();
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
        return new RenderFailed(
                f.eventId(),
                f.schemaVersion(),
                f.time(),
                f.source(),
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
                null);
    }
}
