package dev.plumbline.imageupdater.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Accepted;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Ignored;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Each provider's payload shape, read into the tags it says were pushed. */
final class ProviderParsers {

    private ProviderParsers() {}

    /** The distribution registry's envelope: {@code {"events":[{"action":"push","target":{..},"request":{..}}]}}. */
    static NotificationOutcome distribution(JsonNode root, String fallbackId) throws PayloadException {
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new PayloadException("it has no events array, so it is not a distribution registry envelope");
        }
        List<PushedImage> images = new ArrayList<>();
        int others = 0;
        for (JsonNode event : events) {
            String tag = Payloads.text(event, "target", "tag");
            if (!"push".equals(Payloads.text(event, "action")) || tag == null) {
                others++;
                continue;
            }
            String host = Payloads.required(event, "request", "host");
            String path = Payloads.required(event, "target", "repository");
            images.add(new PushedImage(
                    Payloads.repository(host + "/" + path), tag, Payloads.text(event, "target", "digest")));
        }
        if (images.isEmpty()) {
            return new Ignored("no tag was pushed (" + others + " pull, delete, layer or untagged events)");
        }
        String id = Payloads.text(events.get(0), "id");
        return new Accepted(images, id != null ? id : fallbackId);
    }

    /** Docker Hub: {@code {"push_data":{"tag":..},"repository":{"repo_name":..}}}; every delivery is a push. */
    static NotificationOutcome dockerHub(JsonNode root, String fallbackId) throws PayloadException {
        String tag = Payloads.required(root, "push_data", "tag");
        String name = Payloads.required(root, "repository", "repo_name");
        return new Accepted(List.of(new PushedImage(Payloads.repository(name), tag, null)), fallbackId);
    }

    /** GitHub {@code package} (or legacy {@code registry_package}) events of container packages on ghcr.io. */
    static NotificationOutcome github(JsonNode root, String event, String deliveryId) throws PayloadException {
        if ("ping".equals(event)) {
            return new Ignored("a ping: the webhook reaches Plumbline");
        }
        if (!"package".equals(event) && !"registry_package".equals(event)) {
            return new Ignored(
                    "GitHub event '" + event + "' is not a package event; subscribe the webhook to Packages");
        }
        String action = Payloads.required(root, "action");
        if (!action.equals("published")) {
            return new Ignored("package action '" + action + "' publishes no image");
        }
        JsonNode pkg = root.has("package") ? root.get("package") : root.path("registry_package");
        String type = Payloads.required(pkg, "package_type").toLowerCase(Locale.ROOT);
        if (!type.equals("container") && !type.equals("docker")) {
            return new Ignored("package type '" + type + "' is not a container image");
        }
        JsonNode version = pkg.path("package_version");
        String tag = Payloads.text(version, "container_metadata", "tag", "name");
        if (tag == null) {
            return new Ignored("an untagged container version was published");
        }
        String digest = Payloads.text(version, "container_metadata", "tag", "digest");
        if (digest == null && version.path("version").asText("").startsWith("sha256:")) {
            digest = version.get("version").asText();
        }
        String url = Payloads.text(version, "package_url");
        String reference = url != null
                ? url
                : "ghcr.io/" + Payloads.required(pkg, "namespace") + "/" + Payloads.required(pkg, "name");
        PushedImage image = new PushedImage(Payloads.repository(reference.toLowerCase(Locale.ROOT)), tag, digest);
        return new Accepted(List.of(image), deliveryId);
    }

    /** Harbor's default format: {@code {"type":"PUSH_ARTIFACT","event_data":{"resources":[..],"repository":{..}}}}. */
    static NotificationOutcome harbor(JsonNode root, String fallbackId) throws PayloadException {
        String type = Payloads.required(root, "type");
        if (!type.equals("PUSH_ARTIFACT")) {
            return new Ignored("Harbor event " + type + " is not a push");
        }
        JsonNode resources = root.path("event_data").path("resources");
        if (!resources.isArray()) {
            throw new PayloadException("it has no event_data.resources array");
        }
        List<PushedImage> images = new ArrayList<>();
        for (JsonNode resource : resources) {
            String tag = Payloads.text(resource, "tag");
            if (tag != null) {
                String url = Payloads.required(resource, "resource_url");
                images.add(new PushedImage(Payloads.repository(url), tag, Payloads.text(resource, "digest")));
            }
        }
        if (images.isEmpty()) {
            return new Ignored("the pushed artifact has no tag");
        }
        return new Accepted(images, fallbackId);
    }

    /** Quay's repository push: {@code {"docker_url":..,"updated_tags":[..]}} (older senders: a tag-to-image map). */
    static NotificationOutcome quay(JsonNode root, String fallbackId) throws PayloadException {
        JsonNode updated = root.get("updated_tags");
        if (updated == null || !(updated.isArray() || updated.isObject())) {
            return new Ignored("not a repository push (no updated_tags)");
        }
        String url = Payloads.required(root, "docker_url");
        List<PushedImage> images = new ArrayList<>();
        Iterator<String> tags = updated.isObject() ? updated.fieldNames() : textValues(updated);
        while (tags.hasNext()) {
            images.add(new PushedImage(Payloads.repository(url), tags.next(), null));
        }
        if (images.isEmpty()) {
            return new Ignored("the push updated no tag");
        }
        return new Accepted(images, fallbackId);
    }

    private static Iterator<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText());
            }
        });
        return values.iterator();
    }
}
