package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.gitwatcher.repo.RepoUrl;
import dev.plumbline.gitwatcher.testing.CommitEventsProbe;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.testing.SandboxGitResource;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With no webhook at all, polling alone finds a push within one interval; and the data of a repository that is no
 * longer watched goes after the grace period.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxGitResource.class)
@TestProfile(PollingTest.ShortInterval.class)
@Tag("slow")
class PollingTest {

    static final Duration INTERVAL = Duration.ofSeconds(3);

    static final Duration GRACE = Duration.ofSeconds(2);

    /** A short poll interval and its jitter; a short grace period for the data of repositories no longer watched. */
    public static class ShortInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "plumbline.poll.interval",
                    INTERVAL.toSeconds() + "s",
                    "plumbline.poll.jitter",
                    "0.1",
                    "plumbline.cleanup.grace-period",
                    GRACE.toSeconds() + "s",
                    "plumbline.cleanup.interval",
                    "500ms");
        }
    }

    @ConfigProperty(name = "plumbline.data-dir")
    Path dataDir;

    @ConfigProperty(name = SandboxGitResource.URL)
    String gitUrl;

    @ConfigProperty(name = SandboxGitResource.FOLDER)
    Path gitFolder;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPushIsFoundByPollingWithinOneInterval() throws Exception {
        try (SandboxGit git = SandboxGit.served(gitFolder, gitUrl);
                EventTestClient kafka = new EventTestClient(bootstrapServers);
                CommitEventsProbe probe = new CommitEventsProbe(bootstrapServers)) {
            kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
            String url = git.newRepository("polled");
            try (GitWorkspace work = git.workspace(url)) {
                work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
                work.push("HEAD:refs/heads/main");
                kafka.send(SandboxGit.application("polled-" + System.nanoTime(), url, "main", "app"));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> probe.detected(url).size() == 1);

                String pushed = work.commit("Change", Map.of("app/a.yaml", "a: 2\n"));
                work.push("HEAD:refs/heads/main");

                // one interval, its jitter, and a second for the fetch and the broker
                Duration bound = INTERVAL.plus(INTERVAL.dividedBy(10)).plusSeconds(1);
                List<CommitDetected> events =
                        await().atMost(bound).until(() -> probe.detected(url), list -> list.size() == 2);
                assertThat(events.get(1).after()).isEqualTo(pushed);
                assertThat(events.get(1).update()).isEqualTo(RefUpdateKind.FAST_FORWARD);
                assertThat(events.get(1).fetchCause().kind()).isEqualTo(FetchCauseKind.POLL);
            }
        }
    }

    @Test
    void theMirrorArtifactsAndStateOfARepositoryNoLongerWatchedAreRemovedAfterTheGracePeriod() throws Exception {
        try (SandboxGit git = SandboxGit.served(gitFolder, gitUrl);
                EventTestClient kafka = new EventTestClient(bootstrapServers);
                CommitEventsProbe probe = new CommitEventsProbe(bootstrapServers)) {
            kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
            String url = git.newRepository("dropped");
            String key = RepoUrl.of(url).key();
            try (GitWorkspace work = git.workspace(url)) {
                work.commit("Base", Map.of("app/a.yaml", "a: 1\n"));
                work.push("HEAD:refs/heads/main");
            }
            String app = "dropped-" + System.nanoTime();
            kafka.send(SandboxGit.application(app, url, "main", "app"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.detected(url).size() == 1);
            List<Path> left = List.of(
                    dataDir.resolve("repos").resolve(key),
                    dataDir.resolve("artifacts").resolve(key),
                    dataDir.resolve("state").resolve(key + ".json"));
            assertThat(left).allMatch(Files::exists);

            kafka.sendTombstone(Topics.APPLICATIONS, app);
            await().during(GRACE.minusMillis(500))
                    .atMost(GRACE.plusSeconds(1))
                    .until(() -> left.stream().allMatch(Files::exists));
            await().atMost(Duration.ofSeconds(10)).until(() -> left.stream().noneMatch(Files::exists));
        }
    }
}
