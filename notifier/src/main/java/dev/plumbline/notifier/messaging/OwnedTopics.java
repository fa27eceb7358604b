package dev.plumbline.notifier.messaging;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.TopicBootstrap;
import dev.plumbline.notifier.config.NotifierConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/** Creates the topics this service writes (its delivery log and dead letters), once Kafka answers. */
@ApplicationScoped
public class OwnedTopics {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    private TopicBootstrap bootstrap;

    void onStart(@Observes StartupEvent start, NotifierConfig config) {
        if (config.topics().provision()) {
            bootstrap = TopicBootstrap.start(kafkaSettings, PlumblineService.NOTIFIER, config.topics().partitions());
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
