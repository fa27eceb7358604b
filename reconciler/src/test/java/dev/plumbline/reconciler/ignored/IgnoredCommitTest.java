package dev.plumbline.reconciler.ignored;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.reconciler.application.ApplicationStatusModel.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoredCommitTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-27T11:00:00Z");

    @ParameterizedTest(name = "an app following \"{0}\" sees a commit on {1} as {2}")
    @CsvSource({
        "main, refs/heads/main, PathNotWatched",
        "refs/heads/main, refs/heads/main, PathNotWatched",
        "v1.2.0, refs/tags/v1.2.0, PathNotWatched",
        "HEAD, refs/heads/main, PathNotWatched",
        "'', refs/heads/master, PathNotWatched",
        "main, refs/heads/feature, RefNotWatched",
        "HEAD, refs/heads/feature, RefNotWatched",
        "v1.2.0, refs/tags/v1.3.0, RefNotWatched"
    })
    void theReasonSaysWhetherTheCommitMissedTheBranchOrOnlyThePath(String revision, String ref, String reason) {
        CommitIgnored event = CommitIgnored.of(
                "c",
                "https://git.example.com/a.git",
                ref,
                "1a2b3c",
                List.of("x.yaml"),
                null,
                List.of(new WatchingApplication("web", revision, "apps/web")),
                "the explanation");

        IgnoredCommit ignored = IgnoredCommit.forWatcher(event, event.watchers().get(0));

        assertThat(ignored.reason()).isEqualTo(reason);
        assertThat(ignored.message()).isEqualTo("the explanation");
        assertThat(ignored.since()).isEqualTo(event.time());
    }

    @Test
    void anIgnoredCommitStaysShownUntilARenderMadeAfterItArrives() {
        IgnoredCommit heard = new IgnoredCommit("PathNotWatched", "why", T1);

        assertThat(IgnoredCommit.inForce(List.of(), List.of(heard), null)).isEqualTo(heard);
        assertThat(IgnoredCommit.inForce(List.of(), List.of(heard), T1.minusSeconds(60)))
                .isEqualTo(heard);
        assertThat(IgnoredCommit.inForce(List.of(), List.of(heard), T2)).isNull();
    }

    @Test
    void theConditionTheStatusShowsSurvivesARestartAndANewerIgnoredCommitReplacesIt() {
        Condition shown = new Condition();
        shown.type = "CommitIgnored";
        shown.reason = "RefNotWatched";
        shown.message = "older";
        shown.lastTransitionTime = T1.toString();

        assertThat(IgnoredCommit.inForce(List.of(shown), List.of(), T1.minusSeconds(1)))
                .isEqualTo(new IgnoredCommit("RefNotWatched", "older", T1));
        assertThat(IgnoredCommit.inForce(
                                List.of(shown), List.of(new IgnoredCommit("PathNotWatched", "newer", T2)), null)
                        .message())
                .isEqualTo("newer");
    }
}
