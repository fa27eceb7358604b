package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.git.FetchCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fetching one repository has gone. A failure episode starts with the first failure after a success and ends
 * with the next success, so a repository that is down for an hour is reported twice (down, back), not sixty times.
 */
public final class RepoHealth {

    /** A moment of this repository's state, for {@code /api/repos}. */
    public record Snapshot(
            Instant lastFetch,
            Duration lastFetchDuration,
            FetchCause lastFetchCause,
            String lastError,
            Instant failingSince,
            int consecutiveFailures,
            List<ResolvedRevision> revisions) {}

    private Instant lastFetch;
    private Duration lastFetchDuration;
    private FetchCause lastFetchCause;
    private String lastError;
    private Instant failingSince;
    private int consecutiveFailures;
    private List<ResolvedRevision> revisions = List.of();

    /** @return true when this failure starts an episode, and so is to be reported */
    public synchronized boolean failed(
            Instant at, Duration took, FetchCause cause, String error, List<ResolvedRevision> resolved) {
        record(at, took, cause);
        lastError = error;
        if (resolved != null) {
            revisions = List.copyOf(resolved);
        }
        consecutiveFailures++;
        if (failingSince == null) {
            failingSince = at;
            return true;
        }
        return false;
    }

    /** @return true when this success ends a failure episode */
    public synchronized boolean succeeded(
            Instant at, Duration took, FetchCause cause, List<ResolvedRevision> resolved) {
        record(at, took, cause);
        revisions = List.copyOf(resolved);
        boolean recovered = failingSince != null;
        lastError = null;
        failingSince = null;
        consecutiveFailures = 0;
        return recovered;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(
                lastFetch, lastFetchDuration, lastFetchCause, lastError, failingSince, consecutiveFailures, revisions);
    }

    private void record(Instant at, Duration took, FetchCause cause) {
        lastFetch = at;
        lastFetchDuration = took;
        lastFetchCause = cause;
    }
}
