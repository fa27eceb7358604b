package dev.plumbline.sandbox.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * The Quarkus test resource that every service's tests use to reach a real Kafka broker:
 * {@code @QuarkusTestResource(EmbeddedKafkaResource.class)} (or {@code @WithTestResource}).
 *
 * <p>It points {@code kafka.bootstrap.servers} at the {@link SharedEmbeddedKafka shared broker} of the JVM (or at
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set) and turns Quarkus' Kafka Dev Services off, which would otherwise try
 * to start a container. {@link #stop()} leaves the broker running for the next test class.
 */
public class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return settingsFor(sharedBootstrapServers());
    }

    /**
     * What a service under test is told of a broker at {@code bootstrapServers}: to use it, not to start one of Dev
     * Services, and, it being one broker, to give the topics it creates one replica whatever profile the test runs in.
     */
    static Map<String, String> settingsFor(String bootstrapServers) {
        return Map.of(
                "kafka.bootstrap.servers",
                bootstrapServers,
                "quarkus.kafka.devservices.enabled",
                "false",
                "plumbline.topics.replication-factor",
                "1",
                "plumbline.topics.min-insync-replicas",
                "1");
    }

    @Override
    public void stop() {
        // the broker is shared by every test in the JVM and stops with it
    }

    /**
     * Quarkus may load this resource through a class loader of its own and drop that loader when the application
     * stops. The shared broker must outlive every application of the JVM, so it is owned by the class as the
     * system class loader sees it, which is the same for every Quarkus restart.
     */
    private static String sharedBootstrapServers() {
        Class<?> owner;
        try {
            owner = Class.forName(SharedEmbeddedKafka.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException notOnSystemClassPath) {
            owner = SharedEmbeddedKafka.class;
        }
        try {
            return (String) owner.getMethod("bootstrapServers").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the shared Kafka broker did not start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the shared Kafka broker", e);
        }
    }
}
