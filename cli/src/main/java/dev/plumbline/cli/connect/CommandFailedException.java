package dev.plumbline.cli.connect;

/**
 * A command could not do what was asked, for a reason the user can act on: the message is printed as one line,
 * without a stack trace, and the process exits with {@link #exitCode()} (2 unless said otherwise, as {@code kubectl}
 * and {@code argocd} use 1 for "there is a difference" and above for errors).
 */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final int ERROR = 2;

    private final int exitCode;

    public CommandFailedException(String message) {
        this(message, ERROR);
    }

    public CommandFailedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
