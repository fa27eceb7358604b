package dev.plumbline.renderer.failure;

import dev.plumbline.events.vocabulary.RenderFailureReason;

/**
 * A render that cannot produce objects, for a reason the owner of the repository can act on. Thrown anywhere in a
 * render and turned into one {@code RenderFailed} event in one place.
 */
public class RenderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RenderFailureReason reason;
    private final String file;
    private final Integer line;

    public RenderFailure(RenderFailureReason reason, String message) {
        this(reason, message, null, null, null);
    }

    public RenderFailure(RenderFailureReason reason, String message, String file, Integer line) {
        this(reason, message, file, line, null);
    }

    public RenderFailure(RenderFailureReason reason, String message, String file, Integer line, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
        this.line = line;
    }

    public RenderFailureReason reason() {
        return reason;
    }

    /** The repository file at fault, relative to the repository root; null when no single file is. */
    public String file() {
        return file;
    }

    /** The line in {@link #file()}; null when unknown. */
    public Integer line() {
        return line;
    }
}
