package dev.plumbline.imageupdater.promote;

import java.time.Instant;

/**
 * What the registry says of one image.
 *
 * @param tag            the tag asked for; null when asked by digest
 * @param digest         the manifest digest, {@code sha256:...}
 * @param created        when the image was built; null when its config does not say
 * @param sourceRevision the OCI {@code org.opencontainers.image.revision}; null when absent
 * @param sourceUrl      the OCI {@code org.opencontainers.image.source}; null when absent
 */
public record ImageFacts(String tag, String digest, Instant created, String sourceRevision, String sourceUrl) {

    /** The full reference, {@code repository:tag@digest} (or {@code repository@digest} without a tag). */
    public String reference(String repository) {
        return repository + (tag == null ? "" : ":" + tag) + "@" + digest;
    }
}
