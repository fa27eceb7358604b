package dev.plumbline.imageupdater.messaging;

import dev.plumbline.events.ImageDetected;
import dev.plumbline.events.ImageDetectionCause;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.vocabulary.ApprovalSource;
import dev.plumbline.events.vocabulary.ImageDetectionKind;
import dev.plumbline.events.vocabulary.PromotionFailureReason;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.imageupdater.promote.Cause;
import dev.plumbline.imageupdater.promote.FailureReason;
import dev.plumbline.imageupdater.promote.ImageKey;
import dev.plumbline.imageupdater.promote.ImageNews;
import java.util.Optional;
import java.util.UUID;

/**
 * The promotion core's news as the events of {@code plumbline.image-events}, and back: what is published is what the
 * ledger is rebuilt from at start.
 */
final class NewsEvents {

    private NewsEvents() {}

    static PlumblineEvent toEvent(ImageNews news) {
        String correlationId = UUID.randomUUID().toString();
        ImageKey key = news.key();
        if (news instanceof ImageNews.Detected d) {
            return ImageDetected.of(
                    correlationId,
                    key.app(),
                    key.repository(),
                    d.tag(),
                    d.digest(),
                    d.created(),
                    d.sourceRevision(),
                    d.sourceUrl(),
                    cause(d.cause()),
                    d.selected(),
                    d.explanation());
        }
        if (news instanceof ImageNews.Proposed p) {
            return PromotionProposed.of(
                    correlationId,
                    key.app(),
                    p.promotionId(),
                    key.repository(),
                    p.tag(),
                    p.digest(),
                    p.previousImage(),
                    p.sourceRevision(),
                    p.sourceUrl(),
                    p.configRepo(),
                    p.targetRevision(),
                    p.branch(),
                    p.commit(),
                    p.files(),
                    p.pullRequestUrl(),
                    p.pullRequestNumber(),
                    p.updated(),
                    p.actor());
        }
        if (news instanceof ImageNews.Merged m) {
            return PromotionMerged.of(
                    correlationId,
                    key.app(),
                    m.promotionId(),
                    key.repository(),
                    m.tag(),
                    m.digest(),
                    m.configRepo(),
                    m.mergeCommit(),
                    m.pullRequestUrl(),
                    m.mergedBy(),
                    m.approvers(),
                    ApprovalSource.valueOf(m.approvalSource().name()),
                    m.direct() ? PromotionMode.DIRECT : PromotionMode.PULL_REQUEST);
        }
        ImageNews.Failed f = (ImageNews.Failed) news;
        return PromotionFailed.of(
                correlationId,
                key.app(),
                key.repository(),
                f.tag(),
                f.digest(),
                PromotionFailureReason.valueOf(f.reason().name()),
                f.message(),
                f.nextAttemptAt());
    }

    /** The news an event of the topic was made of; empty for any other event. */
    static Optional<ImageNews> toNews(PlumblineEvent event) {
        if (event instanceof ImageDetected d) {
            return Optional.of(new ImageNews.Detected(
                    new ImageKey(d.app(), d.repository()),
                    d.tag(),
                    d.digest(),
                    d.created(),
                    d.sourceRevision(),
                    d.sourceUrl(),
                    cause(d.cause()),
                    d.selected(),
                    d.explanation()));
        }
        if (event instanceof PromotionProposed p) {
            return Optional.of(new ImageNews.Proposed(
                    new ImageKey(p.app(), p.repository()),
                    p.promotionId(),
                    p.tag(),
                    p.digest(),
                    p.previousImage(),
                    p.sourceRevision(),
                    p.sourceUrl(),
                    p.configRepo(),
                    p.targetRevision(),
                    p.branch(),
                    p.commit(),
                    p.files(),
                    p.pullRequestUrl(),
                    p.pullRequestNumber(),
                    p.updated(),
                    p.actor()));
        }
        if (event instanceof PromotionMerged m) {
            return Optional.of(new ImageNews.Merged(
                    new ImageKey(m.app(), m.repository()),
                    m.promotionId(),
                    m.tag(),
                    m.digest(),
                    m.configRepo(),
                    m.mergeCommit(),
                    m.pullRequestUrl(),
                    m.mergedBy(),
                    m.approvers(),
                    ImageNews.ApprovalSource.valueOf(m.approvalSource().name()),
                    m.promotion() == PromotionMode.DIRECT));
        }
        if (event instanceof PromotionFailed f) {
            return Optional.of(new ImageNews.Failed(
                    new ImageKey(f.app(), f.repository()),
                    f.tag(),
                    f.digest(),
                    FailureReason.valueOf(f.reason().name()),
                    f.message(),
                    f.nextAttemptAt()));
        }
        return Optional.empty();
    }

    private static ImageDetectionCause cause(Cause cause) {
        return switch (cause.kind()) {
            case POLL -> ImageDetectionCause.poll();
            case REGISTRY_NOTIFICATION ->
                ImageDetectionCause.registryNotification(cause.provider(), cause.deliveryId());
            case CI -> ImageDetectionCause.ci(cause.actor());
        };
    }

    private static Cause cause(ImageDetectionCause cause) {
        if (cause.kind() == ImageDetectionKind.REGISTRY_NOTIFICATION) {
            return Cause.notification(cause.provider(), cause.deliveryId());
        }
        return cause.kind() == ImageDetectionKind.CI ? Cause.ci(cause.actor()) : Cause.poll();
    }
}
