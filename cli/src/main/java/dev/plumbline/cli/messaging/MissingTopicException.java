package dev.plumbline.cli.messaging;

/** A topic the command reads does not exist on the broker: the services that create it have not started. */
public final class MissingTopicException extends RuntimeException {

    public MissingTopicException(String message) {
        super(message);
    }
}
