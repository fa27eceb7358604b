package dev.plumbline.imageupdater.host;

/**
 * A Git host's API did not do what was asked. The message names the host, the project, the HTTP status and what to
 * do about it; it never contains the token.
 */
public final class HostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HostKind host;
    private final String project;
    private final int status;
    private final boolean retryable;

    HostException(HostKind host, String project, int status, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.host = host;
        this.project = project;
        this.status = status;
        this.retryable = retryable;
    }

    public HostKind host() {
        return host;
    }

    public String project() {
        return project;
    }

    /** The HTTP status the host answered, or 0 when there was no answer (unreachable, timed out, unreadable). */
    public int status() {
        return status;
    }

    /** True when the same call may succeed later unchanged: no answer, rate limits, the host's own errors. */
    public boolean retryable() {
        return retryable;
    }
}
