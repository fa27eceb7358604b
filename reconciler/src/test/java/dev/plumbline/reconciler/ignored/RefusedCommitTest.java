package dev.plumbline.reconciler.ignored;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.reconciler.application.ApplicationStatusModel.Condition;
import dev.plumbline.reconciler.status.ConditionType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefusedCommitTest {

    private static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-27T11:00:00Z");
    private static final String REASON = "commit 9f8e7d6 by Mallory <mallory@example.com> is not signed; project"
            + " \"team-a\" requires a signature by one of its signatureKeys";

    @Test
    void theReasonSaysWhatIsWrongWithTheSignatureAndTheMessageIsTheGitWatchersWordForWord() {
        assertThat(RefusedCommit.refused(event(CommitSignature.unsigned()), refusal())
                        .reason())
                .isEqualTo("NotSigned");
        assertThat(RefusedCommit.refused(event(signature(SignatureVerdict.BAD)), refusal())
                        .reason())
                .isEqualTo("BadSignature");
        RefusedCommit unknownKey = RefusedCommit.refused(event(signature(SignatureVerdict.UNKNOWN_KEY)), refusal());
        assertThat(unknownKey.reason()).isEqualTo("KeyNotListed");
        assertThat(unknownKey.message()).isEqualTo(REASON);
    }

    @Test
    void aRefusalHeardIsShownAndKeptWhileNothingNewerIsHeard() {
        RefusedCommit heard = new RefusedCommit("NotSigned", REASON, T1);

        Optional<RefusedCommit> first = RefusedCommit.inForce(List.of(), Optional.of(heard), true);
        Optional<RefusedCommit> afterRestart = RefusedCommit.inForce(List.of(shown(T1)), Optional.empty(), true);

        assertThat(first).contains(heard);
        assertThat(afterRestart).contains(heard);
    }

    @Test
    void aNewerCommitLetThroughEndsTheRefusalAndAnOlderOneReadAgainDoesNot() {
        assertThat(RefusedCommit.inForce(List.of(shown(T1)), Optional.of(RefusedCommit.allowed(T2)), true))
                .isEmpty();
        assertThat(RefusedCommit.inForce(List.of(shown(T2)), Optional.of(RefusedCommit.allowed(T1)), true))
                .map(RefusedCommit::since)
                .contains(T2);
    }

    @Test
    void aProjectThatNoLongerRequiresSignedCommitsEndsTheRefusal() {
        assertThat(RefusedCommit.inForce(
                        List.of(shown(T1)), Optional.of(new RefusedCommit("NotSigned", REASON, T1)), false))
                .isEmpty();
    }

    private static Condition shown(Instant since) {
        Condition condition = new Condition();
        condition.type = ConditionType.UnsignedCommit.name();
        condition.status = "True";
        condition.reason = "NotSigned";
        condition.message = REASON;
        condition.lastTransitionTime = since.toString();
        return condition;
    }

    private static CommitSignature signature(SignatureVerdict verdict) {
        return new CommitSignature(verdict, SignatureFormat.OPENPGP, "0123456789ABCDEF0123456789ABCDEF01234567", null);
    }

    private static CommitRefusal refusal() {
        return new CommitRefusal("web", "team-a", REASON);
    }

    private static CommitDetected event(CommitSignature signature) {
        GitSignature mallory = new GitSignature("Mallory", "mallory@example.com", T1);
        return CommitDetected.of(
                "c1",
                "https://git.example.com/team-a/apps.git",
                "refs/heads/main",
                "1a2b3c4",
                "9f8e7d6",
                RefUpdateKind.FAST_FORWARD,
                List.of(new CommitInfo("9f8e7d6", mallory, mallory, "sneak", List.of()).withSignature(signature)),
                List.of("apps/web/deployment.yaml"),
                FetchCause.poll(),
                null);
    }
}
