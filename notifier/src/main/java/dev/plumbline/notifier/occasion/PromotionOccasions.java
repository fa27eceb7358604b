package dev.plumbline.notifier.occasion;

import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.PromotionMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * promotion-proposed, promotion-merged and promotion-failed, from the image-updater's events: a pull request waiting
 * for review (told again when a newer image updates it), its merge with who approved it, and a promotion that could
 * not be made (the image-updater emits a failure once per change of state, not per retry).
 */
final class PromotionOccasions {

    private PromotionOccasions() {}

    static Occurrence proposed(PromotionProposed proposed) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("image", proposed.repository() + ":" + proposed.tag());
        facts.put("digest", proposed.digest());
        putIfKnown(facts, "replaces", proposed.previousImage());
        facts.put("pull request", proposed.pullRequestUrl());
        facts.put("files", String.join(", ", proposed.files()));
        putIfKnown(facts, "source commit", proposed.sourceRevision());
        putIfKnown(facts, "source", proposed.sourceUrl());
        return new Occurrence(
                NotificationOccasion.PROMOTION_PROPOSED,
                proposed.app(),
                null,
                // one message per image proposed: an update to a newer tag is news, a redelivery is not
                proposed.promotionId() + " " + proposed.tag(),
                proposed.correlationId(),
                proposed.time(),
                List.of(),
                List.of(proposed.actor()),
                (proposed.updated() ? "Plumbline updated pull request #" : "Plumbline opened pull request #")
                        + proposed.pullRequestNumber() + " against " + proposed.targetRevision()
                        + ": it waits for a review, and the app deploys the image once it is merged.",
                facts,
                null,
                List.of(proposed.eventId()));
    }

    static Occurrence merged(PromotionMerged merged, CommitRef commit) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("image", merged.repository() + ":" + merged.tag());
        facts.put("digest", merged.digest());
        putIfKnown(facts, "pull request", merged.pullRequestUrl());
        putIfKnown(facts, "merged by", merged.mergedBy());
        if (merged.promotion() == PromotionMode.PULL_REQUEST) {
            facts.put(
                    "approved by",
                    merged.approvers().isEmpty()
                            ? "nobody"
                            : String.join(", ", merged.approvers()) + " ("
                                    + merged.approvalSource().label() + ")");
        }
        return new Occurrence(
                NotificationOccasion.PROMOTION_MERGED,
                merged.app(),
                merged.mergeCommit(),
                merged.promotionId(),
                merged.correlationId(),
                merged.time(),
                List.of(),
                merged.mergedBy() == null ? List.of() : List.of(merged.mergedBy()),
                (merged.promotion() == PromotionMode.DIRECT
                                ? "Plumbline committed the image to the target branch directly, as the policy says."
                                : "The pull request is merged.")
                        + " The app deploys it with its next sync of the commit.",
                facts,
                commit,
                List.of(merged.eventId()));
    }

    static Occurrence failed(PromotionFailed failed) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("image", failed.repository() + (failed.tag() == null ? "" : ":" + failed.tag()));
        putIfKnown(facts, "digest", failed.digest());
        facts.put("reason", failed.reason().label());
        facts.put("error", failed.message());
        return new Occurrence(
                NotificationOccasion.PROMOTION_FAILED,
                failed.app(),
                null,
                failed.repository() + " " + failed.reason().label() + " " + failed.eventId(),
                failed.correlationId(),
                failed.time(),
                List.of(),
                List.of(),
                failed.nextAttemptAt() == null
                        ? "Plumbline does not try again by itself: correct what the error names, then push the image"
                                + " again or run plumb image promote."
                        : "Plumbline tries again at " + failed.nextAttemptAt() + ".",
                facts,
                null,
                List.of(failed.eventId()));
    }

    private static void putIfKnown(Map<String, String> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(label, value);
        }
    }
}
