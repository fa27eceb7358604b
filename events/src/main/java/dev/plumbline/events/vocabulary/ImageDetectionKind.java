package dev.plumbline.events.vocabulary;

/** How the image-updater learnt of an image: the kind of a {@link dev.plumbline.events.ImageDetectionCause}. */
public enum ImageDetectionKind implements Term {
    /** A verified registry notification; it only nudged a look at the registry, whose answer is the truth. */
    REGISTRY_NOTIFICATION,
    /** The periodic look at the registry's tags. */
    POLL,
    /** An authenticated call from CI ({@code plumb image promote}). */
    CI
}
