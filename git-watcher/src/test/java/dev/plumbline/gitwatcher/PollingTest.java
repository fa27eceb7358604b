package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.TriggerKind;
import dev.plumbline.gitwatcher.testing.CommitEventsProbe;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With no webhook at all, polling alone finds a push within one interval. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@TestProfile(PollingTest.ShortInterval.class)
class PollingTest {

    static final Duration INTERVAL = Duration.ofSeconds(3);

    /** A short poll interval, and its jitter. */
    public static class ShortInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plumbline.poll.interval", INTERVAL.toSeconds() + "s", "plumbline.poll.jitter", "0.1");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPushIsFoundByPollingWithinOneInterval() throws Exception {
        try (SandboxGit git = new SandboxGit(); EventTestClient kafka = new EventTestClient(bootstrapServers);
             CommitEventsProbe probe = new CommitEventsProbe(bootstrapServers)) {
            kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
            String url = git.newRepository("polled");
            try (GitWorkspace work = git.workspace(url)) {
                work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
                work.push("HEAD:refs/heads/main");
                kafka.send(SandboxGit.application("polled-" + System.nanoTime(), url, "main", "app"));
                await().atMost(Duration.ofSeconds(30)).until(() -> probe.detected(url).size() == 1);

                String pushed = work.commit("Change", Map.of("app/a.yaml", "a: 2\n"));
                work.push("HEAD:refs/heads/main");

                // one interval, its jitter, and a second for the fetch and the broker
                Duration bound = INTERVAL.plus(INTERVAL.dividedBy(10)).plusSeconds(1);
                List<CommitDetected> events = await().atMost(bound)
                        .until(() -> probe.detected(url), list -> list.size() == 2);
                assertThat(events.get(1).after()).isEqualTo(pushed);
                assertThat(events.get(1).update()).isEqualTo(RefUpdateKind.FAST_FORWARD);
                assertThat(events.get(1).trigger().kind()).isEqualTo(TriggerKind.POLL);
            }
        }
    }
}
