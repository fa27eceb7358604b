package dev.plumbline.servicekit.topics;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.TopicBootstrap;
import dev.plumbline.events.kafka.TopicProvisioner;
import dev.plumbline.events.topic.TopicReplication;
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
 * {@code plumbline.service=git-watcher}. Topics are created with {@code plumbline.topics.replication-factor} replicas
 * (default 3) and {@code plumbline.topics.min-insync-replicas} (default 2); settings no cluster can meet fail start-up.
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
                    kafkaSettings, settings.service(), settings.topics().partitions(), provisioner(settings.topics()));
        }
    }

    /**
     * How this service creates its topics, from its settings.
     *
     * @throws IllegalArgumentException naming the settings when they cannot be met by any cluster
     */
    static TopicProvisioner provisioner(ServiceSettings.Topics topics) {
        try {
            return new TopicProvisioner(new TopicReplication(topics.replicationFactor(), topics.minInsyncReplicas()));
        } catch (IllegalArgumentException impossible) {
            throw new IllegalArgumentException(
                    "plumbline.topics.replication-factor=" + topics.replicationFactor()
                            + " and plumbline.topics.min-insync-replicas=" + topics.minInsyncReplicas()
                            + " cannot be met: " + impossible.getMessage()
                            + "; a single broker needs 1 and 1, a cluster of three brokers 3 and 2 (docs/deploy.md)",
                    impossible);
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
