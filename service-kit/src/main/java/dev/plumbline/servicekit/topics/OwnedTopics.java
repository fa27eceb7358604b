package dev.plumbline.servicekit.topics;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.TopicBootstrap;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Creates the topics this service writes ({@link PlumblineService#ownedTopics}), once Kafka answers, without holding
 * up start-up. The service names itself in {@code plumbline.service} (its application.properties), e.g.
 * {@code plumbline.service=git-watcher}.
 */
@ApplicationScoped
public class OwnedTopics {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    private TopicBootstrap bootstrap;

    void onStart(@Observes StartupEvent start, ServiceSettings settings) {
        if (settings.topics().provision()) {
            bootstrap = TopicBootstrap.start(
                    kafkaSettings, settings.service(), settings.topics().partitions());
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
