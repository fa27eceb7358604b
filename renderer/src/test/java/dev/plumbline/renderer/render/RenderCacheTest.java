package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.RendererKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderCacheTest {

    private static final long MIB = 1024 * 1024;
    private static final RenderedSet EMPTY = new RenderedSet(RendererKind.PLAIN, List.of(), "sha256:e3b0");

    @Test
    void keepsAtMostItsBoundDroppingTheLeastRecentlyUsed() {
        RenderCache cache = new RenderCache(2, Long.MAX_VALUE);
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
    void manyLargeRendersAreEvictedByTheirTotalBytesNotByTheirCount() {
        RenderCache cache = new RenderCache(512, 3 * MIB);
        for (int n = 0; n < 10; n++) {
            cache.put("render-" + n, renderOf(MIB));
        }

        assertThat(cache.bytes()).isLessThanOrEqualTo(3 * MIB);
        assertThat(cache.get("render-9")).isPresent();
        assertThat(cache.get("render-0")).isEmpty();
    }

    @Test
    void aRenderLargerThanTheWholeBudgetIsNeverKept() {
        RenderCache cache = new RenderCache(512, MIB);
        cache.put("small", EMPTY);

        cache.put("huge", renderOf(2 * MIB));

        assertThat(cache.get("huge")).isEmpty();
        assertThat(cache.get("small")).isPresent();
        assertThat(cache.bytes()).isLessThanOrEqualTo(MIB);
    }

    @Test
    void aBoundOfZeroCachesNothing() {
        RenderCache cache = new RenderCache(0, Long.MAX_VALUE);
        cache.put("a", EMPTY);

        assertThat(cache.get("a")).isEmpty();
    }

    /** One ConfigMap whose JSON is about {@code bytes} long. */
    private static RenderedSet renderOf(long bytes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", "big");
        body.putObject("data").put("filler", "x".repeat((int) bytes));
        RenderedObject object =
                new RenderedObject(ObjectIdentity.namespaced("v1", "ConfigMap", "dest", "big"), body, null);
        return new RenderedSet(RendererKind.PLAIN, List.of(object), "sha256:big");
    }
}
