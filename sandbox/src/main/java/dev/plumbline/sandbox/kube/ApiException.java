package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API refuses; it becomes a {@code Status} answer with the code and reason Kubernetes uses. */
class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient ObjectNode details;

    ApiException(int code, String reason, String message) {
        this(code, reason, message, null);
    }

    ApiException(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
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
