package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Which objects of one kind a list, a watch or a collection delete is about: those in a namespace (empty: in
 * every namespace, or a cluster-scoped kind), of one name (empty: any), and matching the label and field
 * selectors.
 */
record ObjectFilter(String namespace, Optional<String> name, LabelSelector labels, FieldSelector fields) {

    static final ObjectFilter EVERYTHING =
            new ObjectFilter("", Optional.empty(), LabelSelector.EVERYTHING, FieldSelector.EVERYTHING);

    /** The filter a request's path and its {@code labelSelector} and {@code fieldSelector} parameters ask for. */
    static ObjectFilter of(ApiRequest request) {
        ApiRequest.Target target = request.target().orElseThrow();
        FieldSelector fields = FieldSelector.parse(request.query().get("fieldSelector"));
        Optional<String> name = target.name().isEmpty() ? fields.name() : Optional.of(target.name());
        return new ObjectFilter(
                target.namespace(), name, LabelSelector.parse(request.query().get("labelSelector")), fields);
    }

    boolean matches(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return (namespace.isEmpty()
                        || namespace.equals(metadata.path("namespace").asText()))
                && (name.isEmpty() || name.get().equals(metadata.path("name").asText()))
                && labels.matches(object)
                && fields.matches(object);
    }
}
