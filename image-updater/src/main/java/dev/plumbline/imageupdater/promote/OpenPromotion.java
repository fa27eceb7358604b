package dev.plumbline.imageupdater.promote;

/** A pull request proposed and not yet seen merged. */
public record OpenPromotion(
        String promotionId,
        String tag,
        String digest,
        String configRepo,
        String branch,
        int pullRequestNumber,
        String pullRequestUrl) {}
