package dev.plumbline.events.kafka;

/** The broker refused or failed to create or configure a topic; the message names the topic. */
public class TopicProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
