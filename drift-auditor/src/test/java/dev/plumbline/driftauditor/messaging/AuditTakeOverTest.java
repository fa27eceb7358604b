package dev.plumbline.driftauditor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.driftauditor.audit.AuditRecorder;
import dev.plumbline.driftauditor.audit.AuditTrail;
import dev.plumbline.driftauditor.audit.CommitCache;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import dev.plumbline.servicekit.messaging.PartitionReaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two audit writers on one broker: the one holding an app's partition is killed while it records (its input offsets
 * not committed, its last record stored after the other had read the trail back on taking the partition over). The
 * next owner reads those events again: it records none of them twice and continues the chain from the last record.
 */
class AuditTakeOverTest {

    private EmbeddedKafka broker;
    private final List<EventPublisher> publishers = new ArrayList<>();
    private final List<KafkaAuditStore> stores = new ArrayList<>();

    @BeforeEach
    void start() {
        broker = EmbeddedKafka.startEphemeral();
        try (EventTestClient client = new EventTestClient(broker.bootstrapServers())) {
            client.ensureTopics(Topics.all());
        }
    }

    @AfterEach
    void stop() {
        stores.forEach(KafkaAuditStore::closeEndReader);
        publishers.forEach(EventPublisher::close);
        broker.close();
    }

    @Test
    void theNextOwnerRecordsNoSourceEventTwiceAndContinuesFromTheKilledOwnersLastRecord() throws Exception {
        KafkaAuditStore killedStore = store();
        AuditRecorder killed = recorder(killedStore);
        AuditRecorder next = recorder(store());
        List<SyncRequested> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            events.add(SyncRequested.of(
                    PlumblineService.DRIFT_AUDITOR,
                    "sync-" + i,
                    "web",
                    SyncTrigger.MANUAL,
                    "",
                    "user-" + i,
                    null,
                    List.of()));
        }
        // the topics were just created: wait until the broker tells their partitions
        int partition = await().ignoreExceptions().until(() -> killedStore.partitionOf("web"), found -> found >= 0);
        killed.partitionsMoved(Set.of(partition));
        killed.record(events.get(0));
        killed.record(events.get(1));
        next.partitionsMoved(Set.of(partition));
        next.record(events.get(1));
        killed.record(events.get(2));
        // killed now: the events after its last committed offset are read again by the next owner
        next.record(events.get(1));
        next.record(events.get(2));
        next.record(events.get(3));

        List<AuditRecord> trail = killedStore.query("web", null, 100).stream()
                .map(json -> EventJson.read(json.toString().getBytes(StandardCharsets.UTF_8), AuditRecord.class))
                .toList();
        assertThat(trail)
                .as("source events of web's trail, each recorded once")
                .extracting(AuditRecord::sourceEventId)
                .containsExactlyElementsOf(
                        events.stream().map(SyncRequested::eventId).toList());
        AuditVerifier.Report verified = new AuditVerifier(true, TestSigningKeys.trustedKeys("drift-auditor"))
                .verify(killedStore.query("web", null, 100));
        assertThat(verified.valid()).as(verified.describe()).isTrue();
    }

    private KafkaAuditStore store() throws ReflectiveOperationException {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        EventPublisher publisher = new EventPublisher();
        publisher.kafkaSettings = settings;
        publishers.add(publisher);
        PartitionReaders readers = new PartitionReaders();
        // injected by CDI in the service; this test has no container
        var brokerSettings = PartitionReaders.class.getDeclaredField("broker");
        brokerSettings.setAccessible(true);
        brokerSettings.set(readers, settings);
        KafkaAuditStore store = new KafkaAuditStore();
        store.readers = readers;
        store.publisher = publisher;
        stores.add(store);
        return store;
    }

    private static AuditRecorder recorder(KafkaAuditStore store) {
        return new AuditRecorder(
                new AuditTrail(
                        Clock.systemUTC(),
                        100,
                        TestSigningKeys.signingKey("drift-auditor"),
                        TestSigningKeys.trustedKeys("drift-auditor")),
                store,
                new CommitCache(10),
                app -> Optional.empty(),
                spec -> Optional.empty(),
                Duration.ZERO,
                Clock.systemUTC(),
                (problem, continuesFrom) -> {
                    throw new AssertionError("the trail read back does not verify: " + problem);
                },
                10);
    }
}
