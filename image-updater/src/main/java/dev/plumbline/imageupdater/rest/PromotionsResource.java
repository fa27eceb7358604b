package dev.plumbline.imageupdater.rest;

import dev.plumbline.imageupdater.messaging.ImageWork;
import dev.plumbline.imageupdater.messaging.WatchedImages;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.CiRefusal;
import dev.plumbline.imageupdater.promote.ImageKey;
import dev.plumbline.imageupdater.promote.ImageRegistry;
import dev.plumbline.imageupdater.promote.ImageWatch;
import dev.plumbline.imageupdater.promote.Promoter;
import dev.plumbline.imageupdater.promote.PromotionFailure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/promotions}: CI promotes an image it built, named by digest ({@code plumb image promote APP
 * IMAGE@DIGEST [--direct]}). The registry must hold that digest (under that tag, when one is named); then the
 * promotion is made as the policy's would be, in turn with the image's other work.
 */
@Path("/api/promotions")
public class PromotionsResource {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<repository>[^@:\\s]+(:[0-9]+)?(/[^@:\\s]+)*)(:(?<tag>[^@:/\\s]+))?@(?<digest>sha256:[0-9a-f]{64})");
    private static final long PATIENCE_SECONDS = 120;

    /** The request body. */
    public record PromotionRequest(String app, String image, boolean direct) {}

    @Inject
    BearerTokens tokens;

    @Inject
    WatchedImages watched;

    @Inject
    ImageWork work;

    @Inject
    Promoter promoter;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response promote(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, PromotionRequest request) {
        if (request == null || request.app() == null || request.image() == null) {
            return ApiError.of(
                    400,
                    "send {\"app\": \"NAME\", \"image\": \"REPOSITORY[:TAG]@sha256:DIGEST\"," + " \"direct\": false}");
        }
        Optional<Response> refusal = tokens.refusal(authorization, request.app());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<AppSource> source = watched.source(request.app());
        if (source.isEmpty()) {
            return ApiError.of(404, "no Application " + request.app() + " is known to the image-updater");
        }
        Matcher reference = REFERENCE.matcher(request.image().strip());
        if (!reference.matches()) {
            return ApiError.of(
                    400,
                    "'" + request.image() + "' is not an image reference with a digest; send"
                            + " REPOSITORY@sha256:<64 hex> or REPOSITORY:TAG@sha256:<64 hex>");
        }
        ImageKey key = new ImageKey(request.app(), reference.group("repository"));
        List<ImageWatch> policies = watched.policiesOf(request.app());
        try {
            CiRefusal.policyFor(policies, key, request.direct());
        } catch (CiRefusal refused) {
            return failure(refused);
        }
        String actor = tokens.actor(authorization);
        try {
            Promoter.Outcome outcome = work.run(
                            key,
                            () -> promoter.promoteFromCi(
                                    policies,
                                    key,
                                    reference.group("tag"),
                                    reference.group("digest"),
                                    request.direct(),
                                    actor))
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("app", key.app());
            body.put("image", request.image());
            body.put("message", outcome.message());
            if (outcome.pullRequestUrl() != null) {
                body.put("pullRequestUrl", outcome.pullRequestUrl());
            }
            if (outcome.commit() != null) {
                body.put("commit", outcome.commit());
            }
            boolean made = outcome.commit() != null || outcome.pullRequestUrl() != null;
            return Response.status(made ? 201 : 200).entity(body).build();
        } catch (java.util.concurrent.ExecutionException | CompletionException failed) {
            return failure(failed.getCause());
        } catch (TimeoutException slow) {
            return ApiError.of(
                    504,
                    "the promotion is still running after " + PATIENCE_SECONDS
                            + " s; GET /api/images shows how it ends");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ApiError.of(503, "the image-updater is stopping; try again");
        }
    }

    static Response failure(Throwable cause) {
        if (cause instanceof CiRefusal refused) {
            return ApiError.of(refused.kind() == CiRefusal.Kind.NOT_DIRECT ? 403 : 400, refused.getMessage());
        }
        if (cause instanceof IllegalArgumentException refused) {
            return ApiError.of(422, refused.getMessage());
        }
        if (cause instanceof ImageRegistry.RegistryFailure registry) {
            return ApiError.of(registry.retryable() ? 503 : 422, registry.getMessage());
        }
        if (cause instanceof PromotionFailure promotion) {
            int status = switch (promotion.reason()) {
                case NO_IMAGE_REFERENCE, NO_WRITE_CREDENTIAL -> 422;
                case PUSH_REFUSED -> 409;
                default -> 502;
            };
            return ApiError.of(status, promotion.reason() + ": " + promotion.getMessage());
        }
        throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
