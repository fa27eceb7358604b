package dev.plumbline.events;

/**
 * Bytes that cannot be read as a Plumbline event. The message says what is wrong in terms of the event (its type,
 * field and version), never in terms of the JSON library.
 */
public class EventReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventReadException(String message) {
        super(message);
    }

    public EventReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
