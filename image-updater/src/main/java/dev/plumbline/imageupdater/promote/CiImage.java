package dev.plumbline.imageupdater.promote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The image a CI call names, as the registry holds it: the digest must be there, and a tag named with it must be at
 * that digest. A digest named alone gets the newest-listed tag at it, since the events name an image by tag and
 * digest.
 */
final class CiImage {

    private CiImage() {}

    /**
     * @throws ImageRegistry.RegistryFailure when the registry cannot say, or has no such digest
     * @throws IllegalArgumentException      when the tag names another digest, or no tag is at the digest
     */
    static ImageFacts resolve(ImageRegistry registry, String repository, String tag, String digest) {
        ImageFacts byDigest = registry.describe(repository, digest);
        if (!digest.equals(byDigest.digest())) {
            throw new IllegalArgumentException(
                    "the registry holds " + byDigest.digest() + " for " + repository + "@" + digest);
        }
        String named = tag != null ? tag : tagAt(registry, repository, digest);
        if (tag != null) {
            ImageFacts byTag = registry.describe(repository, tag);
            if (!digest.equals(byTag.digest())) {
                throw new IllegalArgumentException("the registry's tag " + repository + ":" + tag + " is "
                        + byTag.digest() + ", not " + digest + "; send the digest the tag has, or no tag");
            }
        }
        return new ImageFacts(named, digest, byDigest.created(), byDigest.sourceRevision(), byDigest.sourceUrl());
    }

    private static String tagAt(ImageRegistry registry, String repository, String digest) {
        List<String> tags = new ArrayList<>(registry.tags(repository));
        Collections.reverse(tags);
        for (String candidate : tags) {
            if (digest.equals(registry.describe(repository, candidate).digest())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no tag of " + repository + " is at " + digest
                + "; push the image with a tag, or name the tag: " + repository + ":TAG@" + digest);
    }
}
