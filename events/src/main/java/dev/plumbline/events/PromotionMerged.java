package dev.plumbline.events;

import dev.plumbline.events.vocabulary.ApprovalSource;
import dev.plumbline.events.vocabulary.PromotionMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A promotion reached the Application's target branch: its pull request was merged (seen as a commit carrying its
 * {@code Plumbline-Promotion} trailer), or a direct promotion was pushed, which emits only this event.
 *
 * @param promotionId    the promotion's id, as in {@link PromotionProposed} and the commit's trailer
 * @param repository     the image repository
 * @param tag            the tag promoted
 * @param digest         the manifest digest pinned
 * @param configRepo     the config repository's URL
 * @param mergeCommit    the commit on the target branch: the merge (or squash, or rebased) commit, or the pushed
 *                       commit of a direct promotion
 * @param pullRequestUrl the pull request merged; null for a direct promotion
 * @param mergedBy       who merged it, as the host or the commit's committer says
 * @param approvers      who approved it
 * @param approvalSource where the approvers were read: the host's reviews, {@code Approved-by:} trailers, or none
 * @param promotion      pull-request or direct
 */
public record PromotionMerged(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String promotionId,
        String repository,
        String tag,
        String digest,
        String configRepo,
        String mergeCommit,
        String pullRequestUrl,
        String mergedBy,
        List<String> approvers,
        ApprovalSource approvalSource,
        PromotionMode promotion)
        implements PlumblineEvent {

    public PromotionMerged {
        Envelope.check(EventType.PROMOTION_MERGED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(promotionId, "promotionId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(configRepo, "configRepo");
        Objects.requireNonNull(mergeCommit, "mergeCommit");
        Objects.requireNonNull(promotion, "promotion");
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        approvalSource = approvalSource == null ? ApprovalSource.NONE : approvalSource;
    }

    public static PromotionMerged of(
            String correlationId,
            String app,
            String promotionId,
            String repository,
            String tag,
            String digest,
            String configRepo,
            String mergeCommit,
            String pullRequestUrl,
            String mergedBy,
            List<String> approvers,
            ApprovalSource approvalSource,
            PromotionMode promotion) {
        return new PromotionMerged(
                Envelope.newEventId(),
                EventType.PROMOTION_MERGED.schemaVersion(),
                Envelope.now(),
                PlumblineService.IMAGE_UPDATER.source(),
                correlationId,
                app,
                promotionId,
                repository,
                tag,
                digest,
                configRepo,
                mergeCommit,
                pullRequestUrl,
                mergedBy,
                approvers,
                approvalSource,
                promotion);
    }

    @Override
    public EventType type() {
        return EventType.PROMOTION_MERGED;
    }
}
