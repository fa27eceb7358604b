package dev.plumbline.imageupdater.registry;

import java.time.Instant;

/**
 * What a tag held when the registry was asked: the manifest digest (the identity to pin), and from the image config
 * and annotations when present its creation time and the source commit and URL it was built from.
 *
 * @param created        the image config's {@code created}, else the {@code org.opencontainers.image.created}
 *                       annotation; null when the image says neither
 * @param sourceRevision {@code org.opencontainers.image.revision} (annotation, else config label), or null
 * @param sourceUrl      {@code org.opencontainers.image.source} (annotation, else config label), or null
 */
public record ImageVersion(
        ImageRepository repository,
        String tag,
        String digest,
        Instant created,
        String sourceRevision,
        String sourceUrl) {}
