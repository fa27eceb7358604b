package dev.plumbline.gitwatcher.rest;

import dev.plumbline.gitwatcher.artifact.ArtifactStore;
import dev.plumbline.gitwatcher.artifact.StoredArtifact;
import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.repo.RepoUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /artifacts/{repoKey}/{sha}.tar.gz}: the tree of a commit this service fetched and announced. The bytes
 * of a commit's artifact never change, so it may be cached for ever, and the renderer checks the sha256 it was told.
 */
@Path("/artifacts")
public class ArtifactResource {

    private static final String SUFFIX = ".tar.gz";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    GitWatcherConfig config;

    @GET
    @Path("{repoKey}/{file}")
    public Response artifact(
            @PathParam("repoKey") String repoKey,
            @PathParam("file") String file,
            @HeaderParam("If-None-Match") String ifNoneMatch)
            throws IOException {
        if (!file.endsWith(SUFFIX) || !ArtifactStore.isSha(file.substring(0, file.length() - SUFFIX.length()))) {
            return ApiError.of(
                    Response.Status.BAD_REQUEST,
                    "an artifact is named <full lowercase commit SHA>.tar.gz, got " + abbreviate(file));
        }
        String sha = file.substring(0, file.length() - SUFFIX.length());
        if (!RepoUrl.isKey(repoKey)) {
            return ApiError.of(Response.Status.NOT_FOUND, "no repository " + abbreviate(repoKey));
        }
        Optional<StoredArtifact> artifact = store().find(repoKey, sha);
        if (artifact.isEmpty()) {
            return ApiError.of(
                    Response.Status.NOT_FOUND,
                    "no artifact of commit " + sha + " in repository " + repoKey
                            + ": only commits this service fetched and announced are served");
        }
        EntityTag etag = new EntityTag(artifact.get().sha256());
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + etag.getValue() + "\"") || ifNoneMatch.equals("*"))) {
            return Response.notModified(etag).header("Cache-Control", IMMUTABLE).build();
        }
        return Response.ok(artifact.get().file().toFile(), "application/gzip")
                .tag(etag)
                .header("Cache-Control", IMMUTABLE)
                .header("X-Plumbline-Sha256", artifact.get().sha256())
                .header("Content-Disposition", "attachment; filename=\"" + sha + SUFFIX + "\"")
                .build();
    }

    private ArtifactStore store() {
        return new ArtifactStore(config.dataDir().resolve("artifacts"));
    }

    /** Echoes at most a little of what the caller sent, so an error body never grows with the request. */
    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
