package dev.plumbline.imageupdater.rest;

import dev.plumbline.imageupdater.messaging.ImageWork;
import dev.plumbline.imageupdater.messaging.WatchedImages;
import dev.plumbline.imageupdater.notify.NotificationOutcome;
import dev.plumbline.imageupdater.notify.PushedImage;
import dev.plumbline.imageupdater.notify.RegistryNotifications;
import dev.plumbline.imageupdater.notify.RegistryProvider;
import dev.plumbline.imageupdater.promote.Cause;
import dev.plumbline.imageupdater.promote.ImageKey;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /api/registry-webhooks/{provider}}: a registry's notification of a push, verified before it is read.
 * It is a nudge only: the images it names are checked against the registry, which is the truth, so a forged or
 * stale notification can open nothing.
 */
@Path("/api/registry-webhooks/{provider}")
public class RegistryWebhookResource {

    @Inject
    RegistryNotifications notifications;

    @Inject
    WatchedImages watched;

    @Inject
    ImageWork work;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(
            @PathParam("provider") String name, @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        RegistryProvider provider = RegistryProvider.fromLabel(name).orElse(null);
        if (provider == null) {
            return ApiError.of(
                    404,
                    "no registry provider '" + name + "'; use one of "
                            + Arrays.stream(RegistryProvider.values())
                                    .map(RegistryProvider::label)
                                    .collect(Collectors.joining(", ")));
        }
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> query.put(key, values.isEmpty() ? "" : values.get(0)));
        NotificationOutcome outcome =
                notifications.receive(provider, headers.getRequestHeaders(), query, body == null ? new byte[0] : body);
        if (outcome instanceof NotificationOutcome.Accepted accepted) {
            Set<ImageKey> keys = new LinkedHashSet<>();
            for (PushedImage image : accepted.images()) {
                keys.addAll(watched.keysOf(image.repository()));
            }
            keys.forEach(key -> work.check(key, Cause.notification(provider.label(), accepted.deliveryId())));
            return Response.accepted(Map.of("images", accepted.images().size(), "checks", keys.size()))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        if (outcome instanceof NotificationOutcome.Refused refused) {
            return ApiError.of(401, refused.reason());
        }
        if (outcome instanceof NotificationOutcome.Malformed malformed) {
            return ApiError.of(400, malformed.reason());
        }
        NotificationOutcome.Ignored ignored = (NotificationOutcome.Ignored) outcome;
        return Response.accepted(Map.of("ignored", ignored.reason()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
