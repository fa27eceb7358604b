package dev.plumbline.gitwatcher.webhook;

/** A verified webhook whose body is not the JSON its provider sends. */
public class MalformedPayloadException extends Exception {

    public MalformedPayloadException(String message) {
        super(message);
    }
}
