package dev.plumbline.renderer.render;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The renderer's own meters, in the shared vocabulary: {@code plumbline.render.duration} by renderer and result,
 * {@code plumbline.render.cache} by result (hit, miss), {@code plumbline.render.failures} by reason and
 * {@code plumbline.render.superseded}.
 */
public final class RenderMetrics {

    private final MeterRegistry registry;

    public RenderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void rendered(RendererKind renderer, boolean succeeded, Duration took) {
        Timer.builder("plumbline.render.duration")
                .description("Time to render one Application, cache hits included")
                .tag("renderer", renderer == null ? "none" : renderer.label())
                .tag("result", succeeded ? "rendered" : "failed")
                .register(registry)
                .record(took);
    }

    void cache(boolean hit) {
        Counter.builder("plumbline.render.cache")
                .description("Render cache look-ups")
                .tag("result", hit ? "hit" : "miss")
                .register(registry)
                .increment();
    }

    void failed(RenderFailureReason reason) {
        Counter.builder("plumbline.render.failures")
                .description("Renders that failed, by reason")
                .tag("reason", reason.label())
                .register(registry)
                .increment();
    }

    void superseded() {
        Counter.builder("plumbline.render.superseded")
                .description("Renders and failures not published because their Application's source changed meanwhile")
                .register(registry)
                .increment();
    }
}
