package dev.plumbline.gitwatcher.rest;

import dev.plumbline.gitwatcher.poll.RepoWatcher;
import dev.plumbline.gitwatcher.repo.RefusedSource;
import dev.plumbline.gitwatcher.repo.WatchedRepo;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The watched repositories and their state, and a manual fetch. */
@Path("/api/repos")
@Produces(MediaType.APPLICATION_JSON)
public class ReposResource {

    /**
     * @param url   the repository, spelled as any Application spells it (or its HTTPS or SSH twin)
     * @param actor who asks, recorded in the fetch cause of the commit events it leads to
     */
    public record RefreshRequest(String url, String actor) {}

    @Inject
    RepoWatcher watcher;

    /** The watched repositories, then those that only Applications their projects refuse name. */
    @GET
    public List<RepoView> repos() {
        Map<String, List<RefusedSource>> refused = watcher.refused().stream()
                .collect(Collectors.groupingBy(r -> r.url().key(), TreeMap::new, Collectors.toList()));
        List<RepoView> views = new ArrayList<>();
        for (WatchedRepo repo : watcher.repos()) {
            views.add(RepoView.of(
                    repo,
                    watcher.health(repo.key()),
                    watcher.nextFetch(repo.key()).orElse(null),
                    refused.getOrDefault(repo.key(), List.of())));
            refused.remove(repo.key());
        }
        refused.values().forEach(unfetched -> views.add(RepoView.refusedOnly(unfetched)));
        return views;
    }

    /** {@code {"url": "https://…", "actor": "ana"}}: 202 and a fetch now, 404 for a repository nobody watches. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refresh(RefreshRequest request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            return ApiError.of(Response.Status.BAD_REQUEST, "give the repository: {\"url\": \"https://…\"}");
        }
        String actor = request.actor() == null || request.actor().isBlank() ? "api" : request.actor();
        Optional<WatchedRepo> repo = watcher.refresh(request.url(), actor);
        if (repo.isEmpty()) {
            return ApiError.of(Response.Status.NOT_FOUND, "no Application watches " + request.url());
        }
        return Response.accepted(
                        Map.of("url", repo.get().fetchUrl(), "key", repo.get().key(), "message", "fetch scheduled"))
                .build();
    }
}
