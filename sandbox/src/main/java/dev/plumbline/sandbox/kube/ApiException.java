package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API refuses; it becomes a {@code Status} answer with the code and reason Kubernetes uses. */
class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient ObjectNode details;
    private final boolean plainText;

    ApiException(int code, String reason, String message) {
        this(code, reason, message, null);
    }

    ApiException(int code, String reason, String message, ObjectNode details) {
        this(code, reason, message, details, false);
    }

    private ApiException(int code, String reason, String message, ObjectNode details, boolean plainText) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
        this.plainText = plainText;
    }

    /** The 401 of a request whose credentials no authenticator accepts. */
    static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", "Unauthorized");
    }

    /**
     * A 403 worded as Kubernetes' {@code NewForbidden}: {@code configmaps "settings" is forbidden: <why>}, or
     * {@code configmaps is forbidden: <why>} without a name, or {@code forbidden: <why>} for a non-resource path.
     */
    static ApiException forbidden(String group, String resource, String name, String why) {
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        String message;
        if (qualified.isEmpty()) {
            message = "forbidden: " + why;
        } else if (name.isEmpty()) {
            message = qualified + " is forbidden: " + why;
        } else {
            message = qualified + " " + GoQuote.of(name) + " is forbidden: " + why;
        }
        ObjectNode details = KubeJson.MAPPER.createObjectNode();
        if (!name.isEmpty()) {
            details.put("name", name);
        }
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        if (!resource.isEmpty()) {
            details.put("kind", resource);
        }
        return new ApiException(403, "Forbidden", message, details);
    }

    /**
     * A 500 answered as plain text, not as a Status, as kube-apiserver's filters do for a request they cannot
     * make sense of: {@code Internal Server Error: "/api/v1/pods": <what>}.
     */
    static ApiException internalErrorText(String requestUri, String what) {
        String text = "Internal Server Error: " + GoQuote.of(requestUri) + ": " + what;
        return new ApiException(
                500,
                "InternalError",
                text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                null,
                true);
    }

    boolean plainText() {
        return plainText;
    }

    static ApiException notFound(ResourceType type, String name) {
        ObjectNode details =
                KubeJson.MAPPER.createObjectNode().put("name", name).put("kind", type.plural());
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return new ApiException(404, "NotFound", type.resource() + " \"" + name + "\" not found", details);
    }

    int code() {
        return code;
    }

    ObjectNode toStatus() {
        ObjectNode status = KubeJson.MAPPER.createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }
}
