package dev.plumbline.sandbox.kafka;

/** A started broker, whichever way it was started. */
interface RunningBroker {

    String bootstrapServers();

    /** Stops the broker and waits until it has stopped, so that its data on disk is consistent. */
    void shutdown() throws Exception;
}
