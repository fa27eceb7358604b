package dev.plumbline.gitwatcher.webhook;

/** A verified webhook whose body is not the JSON its provider sends. */
public class MalformedPayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }
}
