package dev.plumbline.engine.object;

/** A body that is not a Kubernetes object Plumbline can track: not a mapping, or without apiVersion, kind or name. */
public class InvalidObjectException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidObjectException(String message) {
        super(message);
    }
}
