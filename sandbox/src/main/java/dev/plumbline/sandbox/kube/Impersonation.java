package dev.plumbline.sandbox.kube;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The impersonation headers, handled as kube-apiserver's impersonation filter does: {@code Impersonate-User},
 * {@code Impersonate-Group} (repeatable), {@code Impersonate-Uid} and {@code Impersonate-Extra-<key>}. The
 * requester must be allowed verb {@code impersonate} on each: {@code users} (or {@code serviceaccounts} in its
 * namespace for a {@code system:serviceaccount:<ns>:<name>} user), {@code groups}, {@code uids} and
 * {@code userextras/<key>} in group {@code authentication.k8s.io}. The request then acts as the impersonated
 * user alone: a ServiceAccount gets its groups when no group was asked for, and everyone but
 * {@code system:anonymous} gets {@value UserInfo#AUTHENTICATED}.
 */
final class Impersonation {

    private static final String USER = "impersonate-user";
    private static final String GROUP = "impersonate-group";
    private static final String UID = "impersonate-uid";
    private static final String EXTRA = "impersonate-extra-";
    private static final String AUTHENTICATION_V1 = "authentication.k8s.io/v1";

    /** One thing asked for, as Kubernetes' ObjectReference describes it (and prints it in its errors). */
    private record Wanted(String kind, String namespace, String name, String apiVersion, String fieldPath) {

        String group() {
            return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        }

        String version() {
            return apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        }

        /** Go's {@code %v} of an ObjectReference: its seven fields, space-separated, in braces. */
        String goValue() {
            return "{" + String.join(" ", kind, namespace, name, "", apiVersion, "", fieldPath) + "}";
        }
    }

    private Impersonation() {}

    /** Whether any header asks for impersonation; {@code headers} have lower-case names. */
    static boolean requested(Map<String, List<String>> headers) {
        return headers.keySet().stream()
                .anyMatch(
                        name -> name.equals(USER) || name.equals(GROUP) || name.equals(UID) || name.startsWith(EXTRA));
    }

    /**
     * The user the request acts as: {@code requester} itself without impersonation headers, else the impersonated
     * user once every part of it is allowed. {@code uri} is the request's path and query, for the error Kubernetes
     * gives when groups, extras or a uid are asked for without a user.
     */
    static UserInfo apply(
            UserInfo requester, Map<String, List<String>> headers, String uri, RbacAuthorizer authorizer) {
        List<Wanted> wanted = wanted(headers);
        if (wanted.isEmpty()) {
            return requester;
        }
        if (!wanted.get(0).kind().equals("ServiceAccount")
                && !wanted.get(0).kind().equals("User")) {
            throw ApiException.internalErrorText(
                    uri,
                    "requested ["
                            + String.join(
                                    " ", wanted.stream().map(Wanted::goValue).toList())
                            + "] without impersonating a user");
        }
        boolean groupsSpecified = headers.containsKey(GROUP);
        String name = "";
        String uid = "";
        List<String> groups = new ArrayList<>();
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (Wanted one : wanted) {
            String resource;
            String subresource = "";
            switch (one.kind()) {
                case "ServiceAccount" -> {
                    resource = "serviceaccounts";
                    name = UserInfo.serviceAccountUser(one.namespace(), one.name());
                    if (!groupsSpecified) {
                        groups.addAll(UserInfo.serviceAccountGroups(one.namespace()));
                    }
                }
                case "User" -> {
                    resource = "users";
                    name = one.name();
                }
                case "Group" -> {
                    resource = "groups";
                    groups.add(one.name());
                }
                case "UserExtra" -> {
                    resource = "userextras";
                    subresource = one.fieldPath();
                    extra.computeIfAbsent(one.fieldPath(), key -> new ArrayList<>())
                            .add(one.name());
                }
                default -> {
                    resource = "uids";
                    uid = one.name();
                }
            }
            AuthorizationAttributes actingAs = AuthorizationAttributes.resource(
                    requester,
                    "impersonate",
                    one.group(),
                    one.version(),
                    resource,
                    subresource,
                    one.namespace(),
                    one.name());
            RbacAuthorizer.Decision decision = authorizer.authorize(actingAs);
            if (!decision.allowed()) {
                throw actingAs.forbidden(decision.reason());
            }
        }
        if (!name.equals(UserInfo.ANONYMOUS)) {
            if (!groups.contains(UserInfo.AUTHENTICATED) && !groups.contains(UserInfo.UNAUTHENTICATED)) {
                groups.add(UserInfo.AUTHENTICATED);
            }
        } else if (!groups.contains(UserInfo.UNAUTHENTICATED)) {
            groups.add(UserInfo.UNAUTHENTICATED);
        }
        return new UserInfo(name, uid, groups, extra);
    }

    /** What the headers ask for, in the order Kubernetes checks it: user, groups, extras, uid. */
    private static List<Wanted> wanted(Map<String, List<String>> headers) {
        List<Wanted> wanted = new ArrayList<>();
        String user = first(headers, USER);
        if (!user.isEmpty()) {
            wanted.add(UserInfo.splitServiceAccount(user)
                    .map(parts -> new Wanted("ServiceAccount", parts[0], parts[1], "", ""))
                    .orElseGet(() -> new Wanted("User", "", user, "", "")));
        }
        for (String group : headers.getOrDefault(GROUP, List.of())) {
            wanted.add(new Wanted("Group", "", group, "", ""));
        }
        Map<String, List<String>> extras = new TreeMap<>();
        headers.forEach((header, values) -> {
            if (header.startsWith(EXTRA)) {
                extras.put(header.substring(EXTRA.length()), values);
            }
        });
        extras.forEach((key, values) -> values.forEach(
                value -> wanted.add(new Wanted("UserExtra", "", value, AUTHENTICATION_V1, unescape(key)))));
        String uid = first(headers, UID);
        if (!uid.isEmpty()) {
            wanted.add(new Wanted("UID", "", uid, AUTHENTICATION_V1, ""));
        }
        return wanted;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Extra keys are percent-encoded in header names (a malformed one is kept as sent). */
    private static String unescape(String key) {
        try {
            return URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }
}
