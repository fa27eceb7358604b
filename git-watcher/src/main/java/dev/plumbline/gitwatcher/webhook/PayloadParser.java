package dev.plumbline.gitwatcher.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the repository and refs from each provider's payload. */
public final class PayloadParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The only top-level fields any provider's repository and refs are read from. The rest of a payload (its commits,
     * pusher, sender…, most of its bytes) is scanned but never built into objects: it is read for every delivery.
     */
    private static final Set<String> READ_FIELDS =
            Set.of("ref", "repository", "project", "object_kind", "push", "changes");

    private PayloadParser() {}

    public static PushNotice parse(Delivery delivery, byte[] body) throws MalformedPayloadException {
        JsonNode root = read(body);
        String event = delivery.event() == null ? "" : delivery.event();
        return switch (delivery.provider()) {
            case GITHUB ->
                "ping".equals(event)
                        ? PushNotice.of(PushNotice.Kind.PING)
                        : "push".equals(event)
                                ? push(root, "clone_url", "ssh_url", "html_url", "git_url")
                                : PushNotice.of(PushNotice.Kind.OTHER);
            // Gitea and Gogs send "create" and "delete" when a branch or tag appears or goes: refs moved too
            case GITEA, GOGS ->
                List.of("push", "create", "delete").contains(event)
                        ? push(root, "clone_url", "ssh_url", "html_url")
                        : PushNotice.of(PushNotice.Kind.OTHER);
            case GITLAB -> gitlab(root, event);
            case BITBUCKET_CLOUD ->
                "repo:push".equals(event) ? bitbucketCloud(root) : PushNotice.of(PushNotice.Kind.OTHER);
            case BITBUCKET_SERVER ->
                event.startsWith("diagnostics:")
                        ? PushNotice.of(PushNotice.Kind.PING)
                        : "repo:refs_changed".equals(event)
                                ? bitbucketServer(root)
                                : PushNotice.of(PushNotice.Kind.OTHER);
            case GENERIC -> generic(root);
        };
    }

    private static JsonNode read(byte[] body) throws MalformedPayloadException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("the body is not a JSON object");
            }
            ObjectNode root = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (READ_FIELDS.contains(field)) {
                    root.set(field, JSON.readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayloadException("the body could not be read: " + e.getMessage());
        }
    }

    private static PushNotice push(JsonNode root, String... urlFields) throws MalformedPayloadException {
        JsonNode repository = root.path("repository");
        Set<String> urls = new LinkedHashSet<>();
        for (String field : urlFields) {
            addText(urls, repository.path(field));
        }
        return notice(urls, texts(root.path("ref")));
    }

    private static PushNotice gitlab(JsonNode root, String event) throws MalformedPayloadException {
        String kind = root.path("object_kind").asText("");
        boolean push = event.equals("Push Hook")
                || event.equals("Tag Push Hook")
                || (event.equals("System Hook") && (kind.equals("push") || kind.equals("tag_push")));
        if (!push) {
            return PushNotice.of(PushNotice.Kind.OTHER);
        }
        Set<String> urls = new LinkedHashSet<>();
        for (String part : List.of("project", "repository")) {
            for (String field :
                    List.of("git_http_url", "git_ssh_url", "web_url", "http_url", "ssh_url", "homepage", "url")) {
                addText(urls, root.path(part).path(field));
            }
        }
        return notice(urls, texts(root.path("ref")));
    }

    /** Bitbucket Cloud's payload has no clone URL: the repository is named by its full name and web link. */
    private static PushNotice bitbucketCloud(JsonNode root) throws MalformedPayloadException {
        JsonNode repository = root.path("repository");
        Set<String> urls = new LinkedHashSet<>();
        String fullName = repository.path("full_name").asText("");
        if (!fullName.isEmpty()) {
            urls.add("https://bitbucket.org/" + fullName);
        }
        addText(urls, repository.path("links").path("html").path("href"));
        List<String> refs = new ArrayList<>();
        for (JsonNode change : root.path("push").path("changes")) {
            JsonNode side = change.path("new").isObject() ? change.path("new") : change.path("old");
            String type = side.path("type").asText("branch");
            String name = side.path("name").asText("");
            if (!name.isEmpty()) {
                refs.add((type.equals("tag") ? "refs/tags/" : "refs/heads/") + name);
            }
        }
        return notice(urls, refs);
    }

    private static PushNotice bitbucketServer(JsonNode root) throws MalformedPayloadException {
        Set<String> urls = new LinkedHashSet<>();
        for (JsonNode clone : root.path("repository").path("links").path("clone")) {
            addText(urls, clone.path("href"));
        }
        List<String> refs = new ArrayList<>();
        root.path("changes").forEach(change -> refs.addAll(texts(change.path("refId"))));
        return notice(urls, refs);
    }

    /** {@code {"repository": "<clone URL>", "ref": "refs/heads/main"}}; the ref may be left out. */
    private static PushNotice generic(JsonNode root) throws MalformedPayloadException {
        Set<String> urls = new LinkedHashSet<>();
        addText(urls, root.path("repository"));
        return notice(urls, texts(root.path("ref")));
    }

    private static PushNotice notice(Set<String> urls, List<String> refs) throws MalformedPayloadException {
        if (urls.isEmpty()) {
            throw new MalformedPayloadException("the payload names no repository URL");
        }
        return new PushNotice(PushNotice.Kind.PUSH, new ArrayList<>(urls), refs);
    }

    private static List<String> texts(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? List.of(node.asText()) : List.of();
    }

    private static void addText(Set<String> urls, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            urls.add(node.asText().strip());
        }
    }
}
