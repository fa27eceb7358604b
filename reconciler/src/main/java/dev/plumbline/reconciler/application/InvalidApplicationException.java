package dev.plumbline.reconciler.application;

/** An Application whose spec or annotations cannot be read; the message names the field, for its status condition. */
public class InvalidApplicationException extends IllegalArgumentException {

    public InvalidApplicationException(String message) {
        super(message);
    }
}
