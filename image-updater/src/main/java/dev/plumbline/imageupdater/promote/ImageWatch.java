package dev.plumbline.imageupdater.promote;

/**
 * An image an Application's policy watches.
 *
 * @param source  where the app's files are
 * @param key     the app and repository
 * @param chooser the policy, as a choice among tags
 * @param direct  whether a new image is committed to the target branch instead of proposed
 */
public record ImageWatch(AppSource source, ImageKey key, TagChooser chooser, boolean direct) {}
