package dev.plumbline.events.git;

import java.util.List;
import java.util.Objects;

/**
 * One commit between the before and after of a ref update.
 *
 * @param sha       the full commit id
 * @param author    who wrote the change
 * @param committer who committed it (differs from the author after a rebase, a cherry-pick or a web merge)
 * @param message   the full message, trailers included
 * @param trailers  the trailers parsed from the message, in order
 * @param commitSignature its signature as the git-watcher checked it; null when not checked (the git-watcher checks the
 *                  commit a ref moved to, not those before it)
 */
public record CommitInfo(
        String sha,
        GitSignature author,
        GitSignature committer,
        String message,
        List<Trailer> trailers,
        CommitSignature commitSignature) {

    public CommitInfo {
        Objects.requireNonNull(sha, "sha");
        message = message == null ? "" : message;
        trailers = trailers == null ? List.of() : List.copyOf(trailers);
    }

    /** A commit whose signature was not checked. */
    public CommitInfo(String sha, GitSignature author, GitSignature committer, String message, List<Trailer> trailers) {
        this(sha, author, committer, message, trailers, null);
    }

    /** The same commit with its checked signature. */
    public CommitInfo withSignature(CommitSignature checked) {
        return new CommitInfo(sha, author, committer, message, trailers, checked);
    }

    /** The values of every trailer with this key, compared without case as Git does. */
    public List<String> trailerValues(String key) {
        return trailers.stream()
                .filter(t -> t.key().equalsIgnoreCase(key))
                .map(Trailer::value)
                .toList();
    }
}
