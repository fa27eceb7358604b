package dev.plumbline.imageupdater.policy;

import java.time.Instant;

/** A tag of the repository, with when its image was created (null when the registry does not say). */
public record TagCandidate(String tag, Instant created) {

    public static TagCandidate of(String tag) {
        return new TagCandidate(tag, null);
    }
}
