package dev.plumbline.sandbox.kube;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP request to the API, with the resource it addresses parsed out of the path
 * ({@code /api/v1/namespaces/ns/configmaps/name/status}, {@code /apis/apps/v1/deployments}, ...), and the user it
 * acts as.
 */
record ApiRequest(
        String method,
        String uri,
        String path,
        Map<String, String> query,
        String contentType,
        String accept,
        String userAgent,
        String host,
        boolean webSocket,
        String body,
        Optional<Target> target,
        UserInfo user) {

    /** The resource a path addresses; {@code name} and {@code subresource} are empty for collections. */
    record Target(String group, String version, String namespace, String plural, String name, String subresource) {}

    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    static ApiRequest of(RecordedRequest request, UserInfo user) {
        String raw = request.getPath();
        int question = raw.indexOf('?');
        String path = question < 0 ? raw : raw.substring(0, question);
        Map<String, String> query = question < 0 ? Map.of() : parseQuery(raw.substring(question + 1));
        String upgrade = request.getHeader("Upgrade");
        String contentType =
                Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
        byte[] bytes =
                request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (ProtobufBody.is(contentType)) {
            // kubectl sends built-in types as protobuf; everything behind this reads JSON
            body = KubeJson.write(ProtobufBody.toJson(bytes));
            contentType = "application/json";
        }
        return new ApiRequest(
                request.getMethod().toUpperCase(),
                raw,
                path,
                query,
                contentType,
                Optional.ofNullable(request.getHeader("Accept")).orElse(""),
                Optional.ofNullable(request.getHeader("User-Agent")).orElse(""),
                Optional.ofNullable(request.getHeader("Host")).orElse(""),
                upgrade != null && upgrade.equalsIgnoreCase("websocket"),
                body,
                parseTarget(path),
                user);
    }

    /** A request the API makes to itself, such as creating the namespaces it starts with. */
    static ApiRequest internal(String method, String path, String fieldManager, String body) {
        return new ApiRequest(
                method,
                path,
                path,
                Map.of("fieldManager", fieldManager),
                "application/json",
                "application/json",
                fieldManager,
                "",
                false,
                body,
                parseTarget(path),
                UserInfo.ADMIN);
    }

    /**
     * The field manager: the {@code fieldManager} parameter, else, as Kubernetes does, the user agent up to
     * its first slash ({@code kubectl/v1.32.4 (linux/amd64)} gives {@code kubectl}).
     */
    String fieldManager() {
        String explicit = query.get("fieldManager");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String agent = userAgent.strip();
        int slash = agent.indexOf('/');
        String prefix = slash < 0 ? agent : agent.substring(0, slash);
        return prefix.isBlank() ? "unknown" : prefix;
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    boolean dryRun() {
        return query.containsKey("dryRun");
    }

    boolean watch() {
        return flag("watch") || "1".equals(query.get("watch"));
    }

    private static Map<String, String> parseQuery(String text) {
        Map<String, String> query = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            query.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Optional<Target> parseTarget(String path) {
        List<String> parts =
                Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
        String group;
        List<String> rest;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else {
            return Optional.empty();
        }
        String version = group.isEmpty() ? parts.get(1) : parts.get(2);
        boolean inNamespace = rest.size() >= 3
                && rest.get(0).equals("namespaces")
                && !(rest.size() == 3 && NAMESPACE_SUBRESOURCES.contains(rest.get(2)));
        String namespace = inNamespace ? rest.get(1) : "";
        List<String> resource = inNamespace ? rest.subList(2, rest.size()) : rest;
        if (resource.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new Target(
                group,
                version,
                namespace,
                resource.get(0),
                resource.size() > 1 ? resource.get(1) : "",
                resource.size() > 2 ? resource.get(2) : ""));
    }
}
