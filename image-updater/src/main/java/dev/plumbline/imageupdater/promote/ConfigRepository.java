package dev.plumbline.imageupdater.promote;

import java.util.List;

/**
 * The config repositories, read and written with the write credential of each. Every call works on a fresh checkout
 * of the app's target revision, so a change is always based on what the branch holds now. Failures are
 * {@link PromotionFailure}s ({@code NO_WRITE_CREDENTIAL}, {@code NO_IMAGE_REFERENCE}, {@code PUSH_REFUSED}).
 */
public interface ConfigRepository {

    /** One place the app's files name the repository, with the tag it holds (null when it holds none). */
    record Pinned(String file, String reference, String tag) {}

    /**
     * @param commit   the commit pushed; null when the files already named the image and nothing was pushed
     * @param files    the files it changed, repository-relative
     * @param previous the reference the files held before (the first one found)
     */
    record Pushed(String commit, List<String> files, String previous) {}

    /**
     * The source with its target revision as the branch it names: {@code HEAD} (or nothing) becomes the remote's
     * default branch, so a change is based on, pushed to and proposed against a real branch.
     *
     * @throws PromotionFailure when the target revision is a tag or a commit, since promotions need a branch
     */
    AppSource onBranch(AppSource source);

    /** Where the app's files name the image's repository; empty when they do not. */
    List<Pinned> pinned(AppSource source, String repository);

    /**
     * Points every reference to the image's repository under the app's path at {@code image}, commits with
     * {@code message} and pushes: to {@code branch} (forced; rebuilt on the target revision) or, when
     * {@code branch} is null, to the target revision itself.
     */
    Pushed pushImage(AppSource source, String repository, ImageFacts image, String branch, String message);

    /** Applies a unified diff to a new {@code branch} made from the target revision, commits and pushes it. */
    Pushed pushPatch(AppSource source, String patch, String branch, String message);
}
