package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.gitwatcher.testing.CommitEventsProbe;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.testing.SandboxGitResource;
import dev.plumbline.sandbox.kafka.RestartableKafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A push found while the broker is away (stopped for 35 s, then started again on the same port and data) is announced
 * once the broker is back: one commit event, not lost and not repeated by the polls that failed meanwhile.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.ShortInterval.class)
@Tag("slow")
@Tag("outage")
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(35);

    /**
     * Polls every 3 s, so that several polls find the push while the broker is away; a broker of this test's own
     * instead of the shared one the other tests start.
     */
    public static class ShortInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plumbline.poll.interval", "3s", "plumbline.poll.jitter", "0.1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(RestartableKafkaResource.class),
                    new TestResourceEntry(SandboxGitResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @RestartableKafkaResource.Broker
    RestartableKafkaResource.Handle broker;

    @ConfigProperty(name = SandboxGitResource.URL)
    String gitUrl;

    @ConfigProperty(name = SandboxGitResource.FOLDER)
    Path gitFolder;

    @Test
    void aPushFoundWhileTheBrokerIsAwayIsAnnouncedOnceWhenItIsBack() throws Exception {
        String servers = broker.bootstrapServers();
        try (SandboxGit git = SandboxGit.served(gitFolder, gitUrl);
                EventTestClient kafka = new EventTestClient(servers)) {
            kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
            String url = git.newRepository("outage");
            try (GitWorkspace work = git.workspace(url)) {
                work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
                work.push("HEAD:refs/heads/main");
                kafka.send(SandboxGit.application("outage-" + System.nanoTime(), url, "main", "app"));
                try (CommitEventsProbe probe = new CommitEventsProbe(servers)) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> probe.detected(url).size() == 1);
                }

                broker.stop();
                Instant stopped = Instant.now();
                String pushed = work.commit("Change", Map.of("app/a.yaml", "a: 2\n"));
                work.push("HEAD:refs/heads/main");
                await().atMost(OUTAGE.plusSeconds(10))
                        .until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
                broker.start();

                try (CommitEventsProbe probe = new CommitEventsProbe(servers)) {
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> probe.detected(url).stream().anyMatch(e -> pushed.equals(e.after())));
                    // later polls have had their chance to announce it again
                    Instant found = Instant.now();
                    await().atMost(Duration.ofSeconds(15))
                            .until(() -> Duration.between(found, Instant.now()).toSeconds() >= 10);
                    assertThat(probe.detected(url).stream().map(CommitDetected::after))
                            .as("commit events of the repository")
                            .containsOnlyOnce(pushed);
                }
            }
        }
    }
}
