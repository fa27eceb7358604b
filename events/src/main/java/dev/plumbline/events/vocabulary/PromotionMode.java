package dev.plumbline.events.vocabulary;

/** How the image-updater brings a newer image into the config repository. */
public enum PromotionMode implements Term {
    /** A branch and a pull request that a person reviews and merges. */
    PULL_REQUEST,
    /** A commit pushed straight onto the Application's target branch. */
    DIRECT
}
