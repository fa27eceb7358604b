package dev.plumbline.renderer.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The largest render one Application may produce ({@code plumbline.render.max-bytes}), so that one app cannot take
 * the renderer's heap from every other. Plain files and kustomize output are judged before or while they are read;
 * as a {@link Renderer} around another, it judges the JSON of whatever that one produced (Helm's output).
 */
public final class RenderSizeCap implements Renderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Renderer renderer;
    private final long maxBytes;

    public RenderSizeCap(Renderer renderer, long maxBytes) {
        this.renderer = renderer;
        this.maxBytes = maxBytes;
    }

    @Override
    public RendererKind kind() {
        return renderer.kind();
    }

    @Override
    public InputSet inputs(RenderRequest request) {
        return renderer.inputs(request);
    }

    @Override
    public List<SourceObject> render(RenderRequest request) {
        List<SourceObject> produced = renderer.render(request);
        long bytes = jsonBytes(produced.stream().map(SourceObject::body).toList());
        check(bytes, maxBytes, "the objects rendered from " + displayed(request.path()));
        return produced;
    }

    /**
     * @param what what was measured, as a person reads it ("the kustomize output of apps/web")
     * @throws RenderFailure ({@code render-too-large}) naming the size, the cap and what to do
     */
    public static void check(long bytes, long maxBytes, String what) {
        if (bytes > maxBytes) {
            throw tooLarge(what + " come to " + bytes + " bytes", maxBytes);
        }
    }

    /** @param what what passed the cap and how far, as a person reads it */
    public static RenderFailure tooLarge(String what, long maxBytes) {
        return new RenderFailure(
                RenderFailureReason.RENDER_TOO_LARGE,
                what + "; the cap on one Application's render is " + maxBytes
                        + " bytes (plumbline.render.max-bytes): split the Application into several, or raise the cap"
                        + " and the renderer's memory with it");
    }

    private static String displayed(String path) {
        return path.isEmpty() ? "the repository root" : path;
    }

    /** The size of the bodies' JSON, counted while writing to nowhere: a large render is never held twice. */
    static long jsonBytes(List<? extends JsonNode> bodies) {
        Counter counter = new Counter();
        try {
            for (JsonNode body : bodies) {
                JSON.writeValue(counter, body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed object always serializes", e);
        }
        return counter.count;
    }

    /** Counts what would be written, keeping none of it. */
    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void close() {
            // writeValue closes its target; there is nothing to close
        }
    }
}
