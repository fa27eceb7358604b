package dev.plumbline.sandbox.kube;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a request asks to do, as an authorizer sees it: who, which verb, and either a resource (group, resource,
 * subresource, namespace, name) or a non-resource path. {@link #of} reads an HTTP request the way kube-apiserver's
 * request info does: {@code /api} and {@code /apis} paths with a resource are resource requests (GET is
 * {@code get}, or {@code list}/{@code watch} without a name, POST {@code create}, PUT {@code update}, PATCH
 * {@code patch}, DELETE {@code delete}, or {@code deletecollection} without a name); everything else, discovery
 * included, is a non-resource request whose verb is the lower-case HTTP method.
 */
record AuthorizationAttributes(
        UserInfo user,
        String verb,
        boolean resourceRequest,
        String path,
        String group,
        String version,
        String resource,
        String subresource,
        String namespace,
        String name) {

    private static final Set<String> SPECIAL_VERBS = Set.of("proxy", "watch");
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    static AuthorizationAttributes resource(
            UserInfo user,
            String verb,
            String group,
            String version,
            String resource,
            String subresource,
            String namespace,
            String name) {
        return new AuthorizationAttributes(
                user, verb, true, "", group, version, resource, subresource, namespace, name);
    }

    static AuthorizationAttributes nonResource(UserInfo user, String verb, String path) {
        return new AuthorizationAttributes(user, verb, false, path, "", "", "", "", "", "");
    }

    /** The attributes of an HTTP request; {@code uri} is the path with its query. */
    static AuthorizationAttributes of(UserInfo user, String method, String uri) {
        int question = uri.indexOf('?');
        String path = decode(question < 0 ? uri : uri.substring(0, question));
        String query = question < 0 ? "" : uri.substring(question + 1);
        String httpVerb = method.toLowerCase(Locale.ROOT);
        List<String> parts =
                Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
        boolean api = parts.size() >= 3 && parts.get(0).equals("api");
        boolean apis = parts.size() >= 4 && parts.get(0).equals("apis");
        if (!api && !apis) {
            return nonResource(user, httpVerb, path);
        }
        String group = apis ? parts.get(1) : "";
        List<String> rest = parts.subList(apis ? 2 : 1, parts.size());
        String version = rest.get(0);
        rest = rest.subList(1, rest.size());
        String verb;
        if (SPECIAL_VERBS.contains(rest.get(0)) && rest.size() >= 2) {
            verb = rest.get(0);
            rest = rest.subList(1, rest.size());
        } else {
            verb = switch (method.toUpperCase(Locale.ROOT)) {
                case "POST" -> "create";
                case "GET", "HEAD" -> "get";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> "delete";
                default -> "";
            };
        }
        String namespace = "";
        if (rest.get(0).equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            }
        }
        String subresource = rest.size() >= 3 && !verb.equals("proxy") ? rest.get(2) : "";
        String name = rest.size() >= 2 ? rest.get(1) : "";
        if (name.isEmpty() && verb.equals("get")) {
            verb = watchRequested(query) ? "watch" : "list";
            name = nameSelected(query).orElse("");
        }
        if (name.isEmpty() && verb.equals("delete")) {
            verb = "deletecollection";
        }
        return resource(user, verb, group, version, rest.get(0), subresource, namespace, name);
    }

    AuthorizationAttributes withVerb(String otherVerb) {
        return new AuthorizationAttributes(
                user, otherVerb, resourceRequest, path, group, version, resource, subresource, namespace, name);
    }

    /**
     * The 403 Kubernetes answers when this request is denied, {@code reason} being what the authorizer said
     * (empty for a plain RBAC denial): {@code configmaps "settings" is forbidden: User "x" cannot delete resource
     * "configmaps" in API group "" in the namespace "team-a"}.
     */
    ApiException forbidden(String reason) {
        String message = sanitize(denial());
        return ApiException.forbidden(group, resource, name, reason.isEmpty() ? message : message + ": " + reason);
    }

    private String denial() {
        String who = "User " + GoQuote.of(user.name());
        if (!resourceRequest) {
            return who + " cannot " + verb + " path " + GoQuote.of(path);
        }
        String what = subresource.isEmpty() ? resource : resource + "/" + subresource;
        String where = namespace.isEmpty() ? "at the cluster scope" : "in the namespace " + GoQuote.of(namespace);
        return who + " cannot " + verb + " resource " + GoQuote.of(what) + " in API group " + GoQuote.of(group) + " "
                + where;
    }

    /** Kubernetes keeps its error messages from looking like HTML. */
    private static String sanitize(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** As Kubernetes reads {@code watch}: present with any value but {@code false} or {@code 0}. */
    private static boolean watchRequested(String query) {
        return parameter(query, "watch")
                .map(value -> !value.equalsIgnoreCase("false") && !value.equals("0"))
                .orElse(false);
    }

    /**
     * A list or watch selecting one object by {@code fieldSelector=metadata.name=x} is authorized for that name,
     * which lets a rule with resourceNames allow it.
     */
    private static Optional<String> nameSelected(String query) {
        return parameter(query, "fieldSelector").flatMap(selector -> {
            List<String> names = new ArrayList<>();
            for (String term : selector.split(",")) {
                String stripped = term.strip();
                for (String operator : List.of("==", "=")) {
                    String prefix = "metadata.name" + operator;
                    if (stripped.startsWith(prefix)) {
                        names.add(stripped.substring(prefix.length()));
                        break;
                    }
                }
            }
            return names.stream()
                    .filter(name -> !name.isEmpty()
                            && !name.equals(".")
                            && !name.equals("..")
                            && !name.contains("/")
                            && !name.contains("%"))
                    .findFirst();
        });
    }

    private static Optional<String> parameter(String query, String wanted) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(wanted)) {
                return Optional.of(
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Percent-decoding of a path, where a plus is a plus. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
