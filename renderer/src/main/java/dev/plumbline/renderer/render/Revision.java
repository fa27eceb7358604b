package dev.plumbline.renderer.render;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.Artifact;

/**
 * A commit to render Applications from.
 *
 * @param correlationId carried onto every outcome: the commit event's; null when the renders were asked for by
 *                      spec changes, each outcome then carrying its Application spec's own
 * @param repoUrl       the repository
 * @param sha           the commit
 * @param artifact      the tarball of its tree
 */
public record Revision(String correlationId, String repoUrl, String sha, Artifact artifact) {

    /** The commit of a commit event, outcomes carrying the event's correlation id. */
    public static Revision of(CommitDetected commit) {
        return new Revision(commit.correlationId(), commit.repoUrl(), commit.after(), commit.artifact());
    }

    /** The commit a ref points at, rendered for spec changes: each outcome carries its spec's correlation id. */
    public static Revision forSpecChanges(CommitDetected commit) {
        return new Revision(null, commit.repoUrl(), commit.after(), commit.artifact());
    }

    public String correlationFor(ApplicationSpec spec) {
        return correlationId != null ? correlationId : spec.correlationId();
    }
}
