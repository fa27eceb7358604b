package dev.plumbline.gitwatcher.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.gitwatcher.repo.RefusedSource;
import dev.plumbline.gitwatcher.repo.RepoHealth;
import dev.plumbline.gitwatcher.repo.ResolvedRevision;
import dev.plumbline.gitwatcher.repo.WatchedRepo;
import dev.plumbline.gitwatcher.repo.WatchingApplication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One repository in {@code GET /api/repos}.
 *
 * @param url                 the URL fetched
 * @param key                 its id in artifact URLs
 * @param watchedRefs         each revision its Applications follow, what it resolved to at the last fetch
 * @param lastFetch           when the last fetch ended; absent before the first
 * @param lastFetchMillis     how long it took
 * @param lastFetchCause      what made it fetch (written {@code lastTrigger}, the name scripts already read)
 * @param lastError           why the last fetch failed; absent after a success
 * @param failingSince        when the current failure episode began
 * @param consecutiveFailures failures in a row
 * @param nextFetch           when it is fetched next unless nudged; absent while a fetch runs
 * @param refusedApplications Applications naming it that their project does not allow to: nothing is fetched for
 *                            them (and nothing at all when no other Application watches it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepoView(
        String url,
        String key,
        List<WatchedRef> watchedRefs,
        Instant lastFetch,
        Long lastFetchMillis,
        @JsonProperty("lastTrigger") FetchCause lastFetchCause,
        String lastError,
        Instant failingSince,
        int consecutiveFailures,
        Instant nextFetch,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RefusedApplication> refusedApplications) {

    /**
     * @param revision     as the Applications wrote it
     * @param ref          what it resolved to
     * @param head         the commit it points at
     * @param problem      why it could not be resolved
     * @param applications the Applications following it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WatchedRef(String revision, String ref, String head, String problem, List<String> applications) {}

    /**
     * @param app     the Application
     * @param project its project
     * @param reason  why the project refuses the repository
     */
    public record RefusedApplication(String app, String project, String reason) {

        static List<RefusedApplication> of(List<RefusedSource> refused) {
            return refused.stream()
                    .map(r -> new RefusedApplication(r.app(), r.project(), r.reason()))
                    .toList();
        }
    }

    /** A repository only refused Applications name: never fetched. */
    static RepoView refusedOnly(List<RefusedSource> refused) {
        RefusedSource first = refused.get(0);
        return new RepoView(
                first.repoUrl(),
                first.url().key(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                RefusedApplication.of(refused));
    }

    static RepoView of(WatchedRepo repo, RepoHealth.Snapshot health, Instant nextFetch, List<RefusedSource> refused) {
        Map<String, ResolvedRevision> resolved = health.revisions().stream()
                .collect(Collectors.toMap(ResolvedRevision::revision, Function.identity(), (a, b) -> a));
        List<WatchedRef> refs = repo.revisions().stream()
                .map(revision -> {
                    ResolvedRevision r = resolved.get(revision);
                    List<String> apps = repo.watchers().stream()
                            .filter(w -> w.targetRevision().equals(revision))
                            .map(WatchingApplication::app)
                            .toList();
                    return r == null
                            ? new WatchedRef(revision, null, null, null, apps)
                            : new WatchedRef(revision, r.ref(), r.sha(), r.problem(), apps);
                })
                .toList();
        return new RepoView(
                repo.fetchUrl(),
                repo.key(),
                refs,
                health.lastFetch(),
                health.lastFetchDuration() == null
                        ? null
                        : health.lastFetchDuration().toMillis(),
                health.lastFetchCause(),
                health.lastError(),
                health.failingSince(),
                health.consecutiveFailures(),
                nextFetch,
                RefusedApplication.of(refused));
    }
}
