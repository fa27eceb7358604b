package dev.plumbline.reconciler.project;

/** A Project that cannot be read; the message names the field and what to write instead. */
public class InvalidProjectException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidProjectException(String message) {
        super(message);
    }
}
