package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.vocabulary.RefUpdateKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefChangesTest {

    private static final String MAIN = "refs/heads/main";
    private static final String OLD = "1".repeat(40);
    private static final String NEW = "2".repeat(40);
    private static final RefChanges.Ancestry DESCENDS = (ancestor, descendant) -> true;
    private static final RefChanges.Ancestry REWRITTEN = (ancestor, descendant) -> false;
    private static final Set<String> NONE_AGAIN = Set.of();

    @Test
    void aRefSeenForTheFirstTimeIsAnnouncedAsInitial() {
        RefChanges.Result result = RefChanges.between(Map.of(), current(NEW, "web"), NONE_AGAIN, DESCENDS);

        assertThat(result.changes())
                .containsExactly(new RefChange(MAIN, null, NEW, RefUpdateKind.INITIAL, Set.of("web"), false));
        assertThat(result.reported()).containsEntry(MAIN, new Reported(NEW, Set.of("web")));
    }

    @Test
    void nothingMovedMeansNoEvent() {
        RefChanges.Result result = RefChanges.between(reported(NEW, "web"), current(NEW, "web"), NONE_AGAIN, DESCENDS);

        assertThat(result.changes()).isEmpty();
        assertThat(result.reported()).containsEntry(MAIN, new Reported(NEW, Set.of("web")));
    }

    @Test
    void aMoveIsAFastForwardWhenTheNewCommitDescendsAndForcedOtherwise() {
        assertThat(RefChanges.between(reported(OLD, "web"), current(NEW, "web"), NONE_AGAIN, DESCENDS)
                        .changes())
                .extracting(RefChange::kind)
                .containsExactly(RefUpdateKind.FAST_FORWARD);
        assertThat(RefChanges.between(reported(OLD, "web"), current(NEW, "web"), NONE_AGAIN, REWRITTEN)
                        .changes())
                .containsExactly(new RefChange(MAIN, OLD, NEW, RefUpdateKind.FORCED, Set.of("web"), false));
    }

    @Test
    void aDeletedRefIsReportedOnceAndForgotten() {
        RefChanges.Result deleted =
                RefChanges.between(reported(OLD, "web"), current(null, "web"), NONE_AGAIN, DESCENDS);
        RefChanges.Result after = RefChanges.between(deleted.reported(), current(null, "web"), NONE_AGAIN, DESCENDS);

        assertThat(deleted.changes())
                .containsExactly(new RefChange(MAIN, OLD, null, RefUpdateKind.DELETED, Set.of("web"), false));
        assertThat(deleted.reported()).isEmpty();
        assertThat(after.changes()).isEmpty();
    }

    @Test
    void anApplicationThatStartsWatchingAnAnnouncedRefIsToldWhereItIs() {
        RefChanges.Result result =
                RefChanges.between(reported(NEW, "web"), current(NEW, "web", "api"), NONE_AGAIN, DESCENDS);

        assertThat(result.changes())
                .containsExactly(new RefChange(MAIN, null, NEW, RefUpdateKind.INITIAL, Set.of("api"), true));
        assertThat(result.reported().get(MAIN).apps()).containsExactlyInAnyOrder("web", "api");
    }

    @Test
    void anApplicationToBeToldAgainIsToldWhereItsRefIsThoughItDidNotMove() {
        RefChanges.Result result =
                RefChanges.between(reported(NEW, "web", "api"), current(NEW, "web", "api"), Set.of("web"), DESCENDS);

        assertThat(result.changes())
                .containsExactly(new RefChange(MAIN, null, NEW, RefUpdateKind.INITIAL, Set.of("web"), true));
    }

    @Test
    void aRefNoLongerWatchedIsForgottenWithoutAnEvent() {
        RefChanges.Result result = RefChanges.between(reported(NEW, "web"), Map.of(), NONE_AGAIN, DESCENDS);

        assertThat(result.changes()).isEmpty();
        assertThat(result.reported()).isEmpty();
    }

    private static Map<String, Reported> reported(String sha, String... apps) {
        return Map.of(MAIN, new Reported(sha, Set.of(apps)));
    }

    private static Map<String, RefChanges.Current> current(String sha, String... apps) {
        return Map.of(MAIN, new RefChanges.Current(sha, Set.of(apps)));
    }
}
