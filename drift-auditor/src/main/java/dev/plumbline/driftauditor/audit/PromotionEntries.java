package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.ImageDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.PromotionMode;
import java.util.List;
import java.util.Optional;

/**
 * The entries of an image's way into the config repository, from the image-updater's events: the image seen (chosen
 * or ignored, and why), the pull request proposed, its merge with who approved it, and a failure. The merge's
 * revision is the merge commit, so it chains to the commit, render and apply records that follow it.
 */
final class PromotionEntries {

    private PromotionEntries() {}

    static Optional<AuditEntry> of(PlumblineEvent event) {
        if (event instanceof ImageDetected detected) {
            return Optional.of(detected(detected));
        } else if (event instanceof PromotionProposed proposed) {
            return Optional.of(proposed(proposed));
        } else if (event instanceof PromotionMerged merged) {
            return Optional.of(merged(merged));
        } else if (event instanceof PromotionFailed failed) {
            return Optional.of(failed(failed));
        }
        return Optional.empty();
    }

    private static AuditEntry detected(ImageDetected detected) {
        ObjectNode details = image(detected.repository(), detected.tag(), detected.digest());
        details.set("created", AuditAssembler.JSON.valueToTree(detected.created()));
        details.put("sourceRevision", detected.sourceRevision());
        details.put("sourceUrl", detected.sourceUrl());
        details.set("cause", AuditAssembler.JSON.valueToTree(detected.cause()));
        details.put("selected", detected.selected());
        details.put("explanation", detected.explanation());
        String actor = detected.cause().actor() == null
                ? AuditRecord.PLUMBLINE_ACTOR
                : detected.cause().actor();
        return entry(
                detected,
                AuditAction.IMAGE_DETECTED,
                actor,
                "image " + detected.repository() + ":" + detected.tag() + " " + shortDigest(detected.digest())
                        + (detected.selected() ? " chosen: " : " ignored: ") + detected.explanation() + " ("
                        + detected.cause().kind().label() + ")",
                null,
                details);
    }

    private static AuditEntry proposed(PromotionProposed proposed) {
        ObjectNode details = image(proposed.repository(), proposed.tag(), proposed.digest());
        details.put("promotionId", proposed.promotionId());
        details.put("previousImage", proposed.previousImage());
        details.put("pullRequestUrl", proposed.pullRequestUrl());
        details.put("pullRequestNumber", proposed.pullRequestNumber());
        details.put("updated", proposed.updated());
        details.put("configRepo", proposed.configRepo());
        details.put("targetRevision", proposed.targetRevision());
        details.put("branch", proposed.branch());
        details.put("commit", proposed.commit());
        details.set("files", AuditAssembler.JSON.valueToTree(proposed.files()));
        details.put("sourceRevision", proposed.sourceRevision());
        details.put("sourceUrl", proposed.sourceUrl());
        return entry(
                proposed,
                AuditAction.PROMOTION_PROPOSED,
                proposed.actor(),
                (proposed.updated() ? "updated pull request #" : "pull request #") + proposed.pullRequestNumber()
                        + " proposes " + proposed.repository() + ":" + proposed.tag() + " "
                        + shortDigest(proposed.digest())
                        + (proposed.previousImage() == null ? "" : " (was " + proposed.previousImage() + ")") + ": "
                        + proposed.pullRequestUrl(),
                null,
                details);
    }

    private static AuditEntry merged(PromotionMerged merged) {
        ObjectNode details = image(merged.repository(), merged.tag(), merged.digest());
        details.put("promotionId", merged.promotionId());
        details.set("promotion", AuditAssembler.JSON.valueToTree(merged.promotion()));
        details.put("pullRequestUrl", merged.pullRequestUrl());
        details.put("mergeCommit", merged.mergeCommit());
        details.put("mergedBy", merged.mergedBy());
        details.set("approvers", AuditAssembler.JSON.valueToTree(merged.approvers()));
        details.set("approvalSource", AuditAssembler.JSON.valueToTree(merged.approvalSource()));
        details.put("configRepo", merged.configRepo());
        String actor = merged.mergedBy() == null || merged.mergedBy().isBlank() ? "unknown" : merged.mergedBy();
        String how = merged.promotion() == PromotionMode.DIRECT
                ? " committed directly as "
                : " merged by " + actor + approvals(merged.approvers()) + " as ";
        return entry(
                merged,
                AuditAction.PROMOTION_MERGED,
                actor,
                merged.repository() + ":" + merged.tag() + " " + shortDigest(merged.digest()) + how
                        + AuditAssembler.shortSha(merged.mergeCommit())
                        + (merged.pullRequestUrl() == null ? "" : ": " + merged.pullRequestUrl()),
                merged.mergeCommit(),
                details);
    }

    private static AuditEntry failed(PromotionFailed failed) {
        ObjectNode details = image(failed.repository(), failed.tag(), failed.digest());
        details.set("reason", AuditAssembler.JSON.valueToTree(failed.reason()));
        details.put("message", failed.message());
        details.set("nextAttemptAt", AuditAssembler.JSON.valueToTree(failed.nextAttemptAt()));
        String image = failed.repository() + (failed.tag() == null ? "" : ":" + failed.tag());
        return entry(
                failed,
                AuditAction.PROMOTION_FAILED,
                AuditRecord.PLUMBLINE_ACTOR,
                "promotion of " + image + " failed (" + failed.reason().label() + "): " + failed.message()
                        + (failed.nextAttemptAt() == null ? "" : "; next attempt at " + failed.nextAttemptAt()),
                null,
                details);
    }

    private static ObjectNode image(String repository, String tag, String digest) {
        ObjectNode details = AuditAssembler.JSON.createObjectNode();
        details.put("repository", repository);
        details.put("tag", tag);
        details.put("digest", digest);
        return details;
    }

    private static String approvals(List<String> approvers) {
        return approvers.isEmpty() ? " without approvals" : " (approved by " + String.join(", ", approvers) + ")";
    }

    /** {@code sha256:0123456}: enough to tell digests apart in a line, the whole one is in the details. */
    private static String shortDigest(String digest) {
        if (digest == null) {
            return "";
        }
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13));
    }

    private static AuditEntry entry(
            PlumblineEvent from,
            AuditAction action,
            String actor,
            String summary,
            String revision,
            ObjectNode details) {
        return new AuditEntry(
                from.app(),
                action,
                actor,
                summary,
                revision,
                List.of(),
                details,
                from.correlationId(),
                from.eventId(),
                from.type().typeName(),
                from.time());
    }
}
