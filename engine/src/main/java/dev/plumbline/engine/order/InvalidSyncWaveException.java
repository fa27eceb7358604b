package dev.plumbline.engine.order;

/** A sync-wave annotation that is not an integer: the sync cannot be ordered as its author meant. */
public class InvalidSyncWaveException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSyncWaveException(String message) {
        super(message);
    }
}
