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
 */
public record RenderedSet(RendererKind renderer, List<RenderedObject> objects, String digest) {

    public RenderedSet {
        objects = List.copyOf(objects);
    }
}
