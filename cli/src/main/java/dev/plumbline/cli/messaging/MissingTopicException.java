package dev.plumbline.cli.messaging;

/** A topic the command reads does not exist on the broker: the services that create it have not started. */
public final class MissingTopicException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingTopicException(String message) {
        super(message);
    }
}
