package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.TopicBootstrap;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/** Creates the topics this service writes, once Kafka answers, without holding up start-up. */
@ApplicationScoped
public class OwnedTopics {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    private TopicBootstrap bootstrap;

    void onStart(@Observes StartupEvent start, ReconcilerConfig config) {
        if (config.topics().provision()) {
            bootstrap = TopicBootstrap.start(kafkaSettings, PlumblineService.RECONCILER, config.topics().partitions());
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
