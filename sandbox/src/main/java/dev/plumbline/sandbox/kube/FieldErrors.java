package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Validation errors worded as Kubernetes' {@code field.Error} prints them ({@code <path>: Required value: <why>},
 * {@code <path>: Invalid value: "x": <why>}), and the 422 {@code Invalid} answer that carries them.
 */
final class FieldErrors {

    private FieldErrors() {}

    static String required(String path, String detail) {
        return path + ": Required value: " + detail;
    }

    static String forbidden(String path, String detail) {
        return path + ": Forbidden: " + detail;
    }

    static String invalid(String path, String value, String detail) {
        return path + ": Invalid value: " + GoQuote.of(value) + ": " + detail;
    }

    /**
     * The 422 of an object that fails validation, as {@code NewInvalid} words it: {@code ClusterRole.rbac.authorization.k8s.io
     * "x" is invalid: <error>}, several errors in brackets.
     */
    static ApiException refusal(ResourceType type, String name, List<String> errors) {
        String qualifiedKind = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
        String all = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
        ObjectNode details =
                KubeJson.MAPPER.createObjectNode().put("name", name).put("kind", type.kind());
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return new ApiException(
                422, "Invalid", qualifiedKind + " " + GoQuote.of(name) + " is invalid: " + all, details);
    }
}
