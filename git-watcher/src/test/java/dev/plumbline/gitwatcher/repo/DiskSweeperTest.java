package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSweeperTest {

    static final Duration GRACE = Duration.ofHours(24);
    static final String WATCHED = "aaaaaaaaaaaaaaaa";
    static final String DROPPED = "bbbbbbbbbbbbbbbb";

    @TempDir
    Path data;

    final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void aRepositoryNoLongerWatchedIsRemovedOnceTheGracePeriodHasPassed() throws IOException {
        leave(WATCHED);
        leave(DROPPED);
        DiskSweeper sweeper = new DiskSweeper(data, GRACE, clock);

        assertThat(sweeper.sweep(Set.of(WATCHED))).isEmpty();
        clock.advance(GRACE.minusSeconds(1));
        assertThat(sweeper.sweep(Set.of(WATCHED))).isEmpty();
        assertThat(data.resolve("repos").resolve(DROPPED)).exists();

        clock.advance(Duration.ofSeconds(1));
        assertThat(sweeper.sweep(Set.of(WATCHED))).containsExactly(DROPPED);
        assertThat(data.resolve("repos").resolve(DROPPED)).doesNotExist();
        assertThat(data.resolve("artifacts").resolve(DROPPED)).doesNotExist();
        assertThat(data.resolve("state").resolve(DROPPED + ".json")).doesNotExist();
        assertThat(data.resolve("repos").resolve(WATCHED).resolve("objects").resolve("pack"))
                .exists();
        assertThat(data.resolve("artifacts").resolve(WATCHED).resolve("c0ffee.tar.gz"))
                .exists();
        assertThat(data.resolve("state").resolve(WATCHED + ".json")).exists();
    }

    @Test
    void artifactsOfCommitsNoLongerAnnouncedGoAfterTheRetentionWhileTheAnnouncedOnesStay() throws IOException {
        String superseded = "1".repeat(40);
        String announced = "2".repeat(40);
        String recent = "3".repeat(40);
        Duration retention = Duration.ofDays(7);
        artifact(WATCHED, superseded, clock.instant().minus(Duration.ofDays(8)));
        artifact(WATCHED, announced, clock.instant().minus(Duration.ofDays(30)));
        artifact(WATCHED, recent, clock.instant().minus(Duration.ofHours(1)));
        DiskSweeper sweeper = new DiskSweeper(data, GRACE, clock);

        assertThat(sweeper.removeOldArtifacts(WATCHED, Set.of(announced), retention))
                .containsExactly(superseded);

        Path folder = data.resolve("artifacts").resolve(WATCHED);
        assertThat(folder.resolve(superseded + ".tar.gz")).doesNotExist();
        assertThat(folder.resolve(superseded + ".sha256")).doesNotExist();
        assertThat(folder.resolve(announced + ".tar.gz"))
                .as("still deployed: a renderer may fetch it")
                .exists();
        assertThat(folder.resolve(recent + ".tar.gz"))
                .as("within the retention")
                .exists();
    }

    private void artifact(String key, String sha, Instant modified) throws IOException {
        Path folder = Files.createDirectories(data.resolve("artifacts").resolve(key));
        for (String name : new String[] {sha + ".tar.gz", sha + ".sha256"}) {
            Path file = Files.writeString(folder.resolve(name), "x");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(modified));
        }
    }

    @Test
    void watchingARepositoryAgainRestartsItsGracePeriod() throws IOException {
        leave(DROPPED);
        DiskSweeper sweeper = new DiskSweeper(data, GRACE, clock);
        sweeper.sweep(Set.of());
        clock.advance(GRACE.minusHours(1));
        sweeper.sweep(Set.of(DROPPED));

        clock.advance(Duration.ofHours(2));
        assertThat(sweeper.sweep(Set.of())).as("unwatched again an hour ago").isEmpty();
        clock.advance(GRACE);
        assertThat(sweeper.sweep(Set.of())).containsExactly(DROPPED);
    }

    @Test
    void onlyFoldersAndFilesNamedByARepositoryKeyAreTouched() throws IOException {
        Files.createDirectories(data.resolve("repos").resolve("lost+found"));
        Files.createDirectories(data.resolve("state"));
        Path partial = Files.writeString(data.resolve("state").resolve(DROPPED + "123.partial"), "{}");
        Files.createDirectories(data.resolve("ssh").resolve("github"));
        DiskSweeper sweeper = new DiskSweeper(data, Duration.ZERO, clock);

        assertThat(sweeper.sweep(Set.of())).isEmpty();
        assertThat(data.resolve("repos").resolve("lost+found")).exists();
        assertThat(partial).exists();
        assertThat(data.resolve("ssh").resolve("github")).exists();
    }

    @Test
    void anEmptyDataFolderIsNothingToSweep() throws IOException {
        assertThat(new DiskSweeper(data.resolve("not-yet"), GRACE, clock).sweep(Set.of()))
                .isEmpty();
    }

    /** A mirror with a pack folder, an artifact and its digest, and the announced refs, as the service leaves them. */
    private void leave(String key) throws IOException {
        Files.createDirectories(
                data.resolve("repos").resolve(key).resolve("objects").resolve("pack"));
        Files.writeString(data.resolve("repos").resolve(key).resolve("HEAD"), "ref: refs/heads/main\n");
        Path artifacts = Files.createDirectories(data.resolve("artifacts").resolve(key));
        Files.writeString(artifacts.resolve("c0ffee.tar.gz"), "tar");
        Files.writeString(artifacts.resolve("c0ffee.sha256"), "digest");
        Files.createDirectories(data.resolve("state"));
        Files.writeString(data.resolve("state").resolve(key + ".json"), "{}");
    }

    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
