package dev.plumbline.renderer.render;

import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;

/**
 * What came of rendering one Application: a set, or a failure.
 *
 * @param renderer the renderer chosen; null when none could be
 * @param inputs   what the Application reads at this revision; null when that could not be worked out
 * @param rendered the objects; null on failure
 * @param failure  why it failed; null on success
 * @param cached   whether the set came from the cache
 */
public record RenderOutcome(
        RendererKind renderer, InputSet inputs, RenderedSet rendered, RenderFailure failure, boolean cached) {

    public boolean succeeded() {
        return rendered != null;
    }
}
