package dev.plumbline.imageupdater.promote;

import java.time.Instant;
import java.util.List;

/**
 * What the promotion core tells: one of these per event on {@code plumbline.image-events}, field for field, so that
 * the messaging edge only maps them, and the history read back at start rebuilds the same {@link ImageLedger}.
 */
public sealed interface ImageNews {

    ImageKey key();

    /** A tag seen in the registry, chosen by the policy or not, told once per tag and digest. */
    record Detected(
            ImageKey key,
            String tag,
            String digest,
            Instant created,
            String sourceRevision,
            String sourceUrl,
            Cause cause,
            boolean selected,
            String explanation)
            implements ImageNews {}

    /** A pull request opened, or updated with a newer image. */
    record Proposed(
            ImageKey key,
            String promotionId,
            String tag,
            String digest,
            String previousImage,
            String sourceRevision,
            String sourceUrl,
            String configRepo,
            String targetRevision,
            String branch,
            String commit,
            List<String> files,
            String pullRequestUrl,
            int pullRequestNumber,
            boolean updated,
            String actor)
            implements ImageNews {}

    /** How the approvers of a merged promotion were learnt. */
    enum ApprovalSource {
        HOST,
        TRAILER,
        NONE
    }

    /** A proposed promotion merged on the target branch, or a direct promotion pushed there. */
    record Merged(
            ImageKey key,
            String promotionId,
            String tag,
            String digest,
            String configRepo,
            String mergeCommit,
            String pullRequestUrl,
            String mergedBy,
            List<String> approvers,
            ApprovalSource approvalSource,
            boolean direct)
            implements ImageNews {}

    /** A promotion that could not go on; told once per change of state, not per retry. */
    record Failed(ImageKey key, String tag, String digest, FailureReason reason, String message, Instant nextAttemptAt)
            implements ImageNews {}

    /** Where news goes: the image-events topic, and the ledger once it is there. */
    interface Sink {

        /** @throws RuntimeException when it could not be told; the caller's work then fails and is retried */
        void tell(ImageNews news);
    }
}
