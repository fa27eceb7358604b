package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Turns a host's error answer into a message that names the host, the project, the status and what to do. */
final class HostErrors {

    private HostErrors() {}

    static HostException of(HostHttp http, int status, String purpose, String hostMessage) {
        String host = http.host().displayName();
        String said = hostMessage.isEmpty() ? "" : ": " + hostMessage;
        String what = host + " answered HTTP " + status + said + " when asked to " + purpose + " on " + http.project();
        return switch (status) {
            case 401 ->
                http.failure(
                        status,
                        false,
                        what + "; the api-token is wrong or expired: give one that " + scopeNeeded(http.host()),
                        null);
            case 403 ->
                http.failure(
                        status,
                        false,
                        what + "; the api-token may not do this: give one that " + scopeNeeded(http.host()),
                        null);
            case 404 ->
                http.failure(
                        status,
                        false,
                        what + "; check the project setting (" + projectShape(http.host()) + ", here " + http.project()
                                + ") and that the api-token may see that project",
                        null);
            case 400, 409, 422 ->
                http.failure(
                        status,
                        false,
                        what + "; check that the branch is pushed, that the base"
                                + " branch exists and that no other open pull request uses the branch",
                        null);
            case 429 ->
                http.failure(status, true, what + "; the host limits the rate of calls, it is retried later", null);
            default ->
                status >= 500
                        ? http.failure(status, true, what + "; the host failed, it is retried later", null)
                        : http.failure(
                                status,
                                false,
                                what + "; check the api-url " + http.apiRoot() + " (the API's root, e.g. "
                                        + exampleApiUrl(http.host()) + ")",
                                null);
        };
    }

    /** What a token for this host needs, as the host's own settings name it. */
    static String scopeNeeded(HostKind host) {
        return switch (host) {
            case GITHUB ->
                "may read and write pull requests and contents (fine-grained: Pull requests and Contents"
                        + " read and write; classic: the repo scope)";
            case GITLAB -> "has the api scope with at least the Developer role on the project";
            case GITEA -> "has the write:repository scope";
            case BITBUCKET -> "has the pullrequest:write scope (a repository or workspace access token)";
        };
    }

    static String projectShape(HostKind host) {
        return switch (host) {
            case GITHUB, GITEA -> "owner/repository";
            case GITLAB -> "the project's full path, group/subgroup/project";
            case BITBUCKET -> "workspace/repository-slug";
        };
    }

    private static String exampleApiUrl(HostKind host) {
        return switch (host) {
            case GITHUB -> "https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server";
            case GITLAB -> "https://gitlab.com/api/v4";
            case GITEA -> "https://HOST/api/v1";
            case BITBUCKET -> "https://api.bitbucket.org/2.0";
        };
    }

    /**
     * The human part of an error body: GitHub {@code message} and {@code errors[].message}, GitLab {@code message}
     * (text, list or field map) or {@code error}, Gitea {@code message}, Bitbucket {@code error.message} and
     * {@code error.detail}.
     */
    static String describe(JsonNode error) {
        List<String> parts = new ArrayList<>();
        addText(parts, error.path("message"));
        JsonNode nested = error.path("error");
        if (nested.isObject()) {
            addText(parts, nested.path("message"));
            addText(parts, nested.path("detail"));
        } else {
            addText(parts, nested);
        }
        for (JsonNode item : error.path("errors")) {
            addText(parts, item.isObject() ? item.path("message") : item);
        }
        return String.join("; ", parts);
    }

    private static void addText(List<String> parts, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            parts.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> addText(parts, item));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                List<String> inner = new ArrayList<>();
                addText(inner, field.getValue());
                inner.forEach(text -> parts.add(field.getKey() + " " + text));
            });
        }
    }
}
