package dev.plumbline.gitwatcher.repo;

/**
 * What a watched revision points at after a fetch.
 *
 * @param revision the revision as Applications wrote it
 * @param ref      the full ref name it resolves to, or the SHA itself when pinned
 * @param sha      the commit; null when the ref or commit is not there
 * @param problem  why it is not there, in words; null when found
 */
public record ResolvedRevision(String revision, String ref, String sha, String problem) {

    public boolean found() {
        return sha != null;
    }
}
