package dev.plumbline.renderer.render;

import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.RendererKind;
import java.util.List;

/**
 * The output of one render, ready to publish.
 *
 * @param renderer the renderer that produced it
 * @param objects  in {@link dev.plumbline.engine.order.KindOrder#IDENTITIES engine's order}, normalized and tracked
 * @param digest   {@code sha256:<hex>} of the identities and bodies in that order
 * @param bytes    the size of the objects' JSON: what the render cache's byte budget counts
 */
public record RenderedSet(RendererKind renderer, List<RenderedObject> objects, String digest, long bytes) {

    public RenderedSet {
        objects = List.copyOf(objects);
    }

    public RenderedSet(RendererKind renderer, List<RenderedObject> objects, String digest) {
        this(
                renderer,
                objects,
                digest,
                RenderSizeCap.jsonBytes(
                        objects.stream().map(RenderedObject::body).toList()));
    }
}
