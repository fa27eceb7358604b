package dev.plumbline.reconciler.ignored;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.reconciler.application.ApplicationStatusModel.Condition;
import dev.plumbline.reconciler.status.ConditionType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The git-watcher's word on the commit an Application's branch moved to, for its {@code UnsignedCommit} condition:
 * refused, because the project requires commits signed by a key it lists and this one is not, or not refused.
 *
 * @param reason  {@value #NOT_SIGNED}, {@value #BAD_SIGNATURE} or {@value #KEY_NOT_LISTED}; null when the commit was
 *                not refused
 * @param message the refusal's reason word for word (it names the commit, its author and the key); null when not
 *                refused
 * @param since   the time of the commit event
 */
public record RefusedCommit(String reason, String message, Instant since) {

    public static final String NOT_SIGNED = "NotSigned";
    public static final String BAD_SIGNATURE = "BadSignature";
    public static final String KEY_NOT_LISTED = "KeyNotListed";

    public RefusedCommit {
        Objects.requireNonNull(since, "since");
    }

    /** The refusal of {@code event}'s commit to one Application. */
    public static RefusedCommit refused(CommitDetected event, CommitRefusal refusal) {
        SignatureVerdict verdict = event.afterCommit()
                .map(CommitInfo::commitSignature)
                .map(CommitSignature::verdict)
                .orElse(SignatureVerdict.UNSIGNED);
        String reason = switch (verdict) {
            case UNSIGNED -> NOT_SIGNED;
            case BAD -> BAD_SIGNATURE;
            case GOOD, UNKNOWN_KEY -> KEY_NOT_LISTED;
        };
        return new RefusedCommit(reason, refusal.reason(), event.time());
    }

    /** A commit the Application may deploy: it ends a refusal announced before it. */
    public static RefusedCommit allowed(Instant since) {
        return new RefusedCommit(null, null, since);
    }

    public boolean isRefusal() {
        return reason != null;
    }

    /**
     * The refusal an app's status should show: the newest of the one it shows and the git-watcher's latest word on
     * its branch, unless that word lets the commit through or the project no longer requires signed commits.
     *
     * @param shown              the status conditions now
     * @param latest             the latest commit event on the app's branch, as it concerns the app
     * @param signaturesRequired whether the app's project requires signed commits
     * @return empty when there is none to show
     */
    public static Optional<RefusedCommit> inForce(
            List<Condition> shown, Optional<RefusedCommit> latest, boolean signaturesRequired) {
        if (!signaturesRequired) {
            return Optional.empty();
        }
        RefusedCommit newest = shown == null
                ? null
                : shown.stream()
                        .filter(condition -> ConditionType.UnsignedCommit.name().equals(condition.type))
                        .map(RefusedCommit::fromCondition)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        if (latest.isPresent() && (newest == null || !latest.get().since().isBefore(newest.since()))) {
            newest = latest.get();
        }
        return Optional.ofNullable(newest).filter(RefusedCommit::isRefusal);
    }

    private static RefusedCommit fromCondition(Condition condition) {
        try {
            return new RefusedCommit(condition.reason, condition.message, Instant.parse(condition.lastTransitionTime));
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return null;
        }
    }
}
