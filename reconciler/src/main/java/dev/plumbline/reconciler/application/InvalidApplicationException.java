package dev.plumbline.reconciler.application;

/** An Application whose spec or annotations cannot be read; the message names the field, for its status condition. */
public class InvalidApplicationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidApplicationException(String message) {
        super(message);
    }
}
