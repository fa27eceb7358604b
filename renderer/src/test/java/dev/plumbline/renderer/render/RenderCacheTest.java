package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.vocabulary.RendererKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderCacheTest {

    private static final RenderedSet EMPTY = new RenderedSet(RendererKind.PLAIN, List.of(), "sha256:e3b0");

    @Test
    void keepsAtMostItsBoundDroppingTheLeastRecentlyUsed() {
        RenderCache cache = new RenderCache(2);
        cache.put("a", EMPTY);
        cache.put("b", EMPTY);
        cache.get("a");

        cache.put("c", EMPTY);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void aBoundOfZeroCachesNothing() {
        RenderCache cache = new RenderCache(0);
        cache.put("a", EMPTY);

        assertThat(cache.get("a")).isEmpty();
    }
}
