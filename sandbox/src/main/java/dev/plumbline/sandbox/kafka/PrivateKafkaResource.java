package dev.plumbline.sandbox.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The Quarkus test resource for a test that harms its broker (stops it, fills it): a broker of the test class's own,
 * started for it and closed after it, so that the other tests' {@link EmbeddedKafkaResource shared broker} is left
 * alone. A field of type {@link EmbeddedKafka} annotated {@link Broker} receives it. Use it with
 * {@code restrictToAnnotatedClass = true}.
 */
public class PrivateKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the broker. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Broker {}

    private EmbeddedKafka broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafka.startEphemeral();
        return EmbeddedKafkaResource.settingsFor(broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker, new TestInjector.AnnotatedAndMatchesType(Broker.class, EmbeddedKafka.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
