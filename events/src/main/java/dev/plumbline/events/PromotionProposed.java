package dev.plumbline.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The image-updater opened a pull request bringing an image into an Application's config repository, or updated
 * the one it had open for that app and image.
 *
 * @param promotionId       stable for one pull request: made when it is first opened, kept on every update; the
 *                          promotion commit carries it as the trailer {@code Plumbline-Promotion}
 * @param repository        the image repository, as the config files write it
 * @param tag               the tag promoted
 * @param digest            the manifest digest pinned, {@code sha256:<hex>}
 * @param previousImage     the reference the files held before, such as {@code 127.0.0.1:5000/shop/web:1.2.3}
 * @param sourceRevision    the image's OCI {@code org.opencontainers.image.revision}; null when absent
 * @param sourceUrl         the image's OCI {@code org.opencontainers.image.source}; null when absent
 * @param configRepo        the config repository's URL (the Application's {@code repoURL})
 * @param targetRevision    the branch the pull request merges into
 * @param branch            the promotion branch, {@code plumbline/promote/<app>/<image>}
 * @param commit            the branch's head commit
 * @param files             the files changed, relative to the repository root
 * @param pullRequestUrl    where a person reviews it
 * @param pullRequestNumber the host's number of the pull request
 * @param updated           true when an open pull request was updated rather than opened
 * @param actor             {@code plumbline}, or the name of the CI token that asked ({@code plumb image promote})
 */
public record PromotionProposed(
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
        implements PlumblineEvent {

    public PromotionProposed {
        Envelope.check(EventType.PROMOTION_PROPOSED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(promotionId, "promotionId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(configRepo, "configRepo");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(pullRequestUrl, "pullRequestUrl");
        Objects.requireNonNull(actor, "actor");
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static PromotionProposed of(
            String correlationId,
            String app,
            String promotionId,
            String repository,
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
            String actor) {
        return new PromotionProposed(
                Envelope.newEventId(),
                EventType.PROMOTION_PROPOSED.schemaVersion(),
                Envelope.now(),
                PlumblineService.IMAGE_UPDATER.source(),
                correlationId,
                app,
                promotionId,
                repository,
                tag,
                digest,
                previousImage,
                sourceRevision,
                sourceUrl,
                configRepo,
                targetRevision,
                branch,
                commit,
                files,
                pullRequestUrl,
                pullRequestNumber,
                updated,
                actor);
    }

    @Override
    public EventType type() {
        return EventType.PROMOTION_PROPOSED;
    }
}
