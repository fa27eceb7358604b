package dev.plumbline.renderer.render;

import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import java.util.List;

/**
 * Turns an Application's folder into objects. Implementations hold no state between renders but caches of tools
 * and the processes they run tools in.
 */
public interface Renderer extends AutoCloseable {

    RendererKind kind();

    /**
     * What the Application reads at this revision, for deciding whether a commit affects it and for the cache key.
     *
     * @throws RenderFailure when what it names is unsafe, remote or missing
     */
    InputSet inputs(RenderRequest request);

    /**
     * Renders. Runs on a thread of its own that is interrupted when the render's time is up.
     *
     * @throws RenderFailure for anything the repository owner can fix
     */
    List<SourceObject> render(RenderRequest request);

    /** Stops what the renderer keeps running between renders (Helm's worker processes). */
    @Override
    default void close() {}
}
