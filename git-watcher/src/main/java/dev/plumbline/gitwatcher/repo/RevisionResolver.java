package dev.plumbline.gitwatcher.repo;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves the revision an Application follows against a mirror's refs, as Argo CD does: {@code HEAD} is the remote's
 * default branch, a full 40-hex SHA is a pinned commit, {@code refs/…} is taken as written, and a short name is a
 * branch when one exists and a tag otherwise (Flux asks users to say which; Argo CD accepts either).
 */
public final class RevisionResolver {

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final String HEADS = "refs/heads/";
    private static final String TAGS = "refs/tags/";

    private RevisionResolver() {}

    public static boolean isPinnedSha(String revision) {
        return FULL_SHA.matcher(revision).matches();
    }

    /**
     * @param previouslyReported refs already reported for this repository: a deleted tag still resolves to its tag
     *                           name, so that its deletion is reported under the ref it had
     * @param commitExists       whether the mirror holds a commit, for pinned SHAs
     */
    public static ResolvedRevision resolve(
            String revision, MirrorRefs refs, Set<String> previouslyReported, Predicate<String> commitExists) {
        if (revision.isEmpty() || "HEAD".equals(revision)) {
            if (refs.headTarget() == null) {
                return new ResolvedRevision(revision, "HEAD", null, "the remote did not name its default branch");
            }
            return found(revision, refs.headTarget(), refs);
        }
        if (isPinnedSha(revision)) {
            String sha = revision.toLowerCase(Locale.ROOT);
            return commitExists.test(sha)
                    ? new ResolvedRevision(revision, sha, sha, null)
                    : new ResolvedRevision(revision, sha, null, "commit " + sha + " is on no branch or tag fetched");
        }
        if (revision.startsWith("refs/")) {
            return found(revision, revision, refs);
        }
        String branch = HEADS + revision;
        String tag = TAGS + revision;
        if (refs.commit(branch) != null) {
            return found(revision, branch, refs);
        }
        if (refs.commit(tag) != null || previouslyReported.contains(tag)) {
            return found(revision, tag, refs);
        }
        return found(revision, branch, refs);
    }

    private static ResolvedRevision found(String revision, String ref, MirrorRefs refs) {
        String sha = refs.commit(ref);
        return sha != null
                ? new ResolvedRevision(revision, ref, sha, null)
                : new ResolvedRevision(revision, ref, null, describe(ref) + " does not exist");
    }

    /** "branch main", "tag v1.2.0", "commit 1a2b3c4": how a ref is named to people. */
    public static String describe(String ref) {
        if (ref.startsWith(HEADS)) {
            return "branch " + ref.substring(HEADS.length());
        }
        if (ref.startsWith(TAGS)) {
            return "tag " + ref.substring(TAGS.length());
        }
        if (isPinnedSha(ref)) {
            return "commit " + ref.substring(0, 7);
        }
        return "ref " + ref;
    }
}
