package dev.plumbline.imageupdater.promote;

import java.util.List;

/** The registries images are read from: the truth about which tags and digests exist. */
public interface ImageRegistry {

    /** @throws RegistryFailure when the registry cannot be read */
    List<String> tags(String repository);

    /** @throws RegistryFailure when the registry cannot be read or has no such tag or digest */
    ImageFacts describe(String repository, String tagOrDigest);

    /** A registry that could not be read; {@code retryable} when it may answer later (down, 5xx, timeout). */
    final class RegistryFailure extends RuntimeException {

        private final boolean retryable;

        public RegistryFailure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
