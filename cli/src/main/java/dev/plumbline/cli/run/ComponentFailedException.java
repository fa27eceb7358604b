package dev.plumbline.cli.run;

/** A component exited or did not become ready; the message says which and ends with the tail of its log. */
public final class ComponentFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComponentFailedException(String message) {
        super(message);
    }
}
