package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code fieldSelector} query parameter: comma-separated {@code path=value} (or {@code ==}) and
 * {@code path!=value} requirements on dotted paths such as {@code metadata.name} or {@code status.phase}. Any path
 * is accepted for any kind (Kubernetes allows a short list per kind); a missing field compares as empty.
 */
final class FieldSelector {

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private record Requirement(String[] path, String value, boolean equal) {}

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static FieldSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String requirement : text.split(",")) {
            int notEquals = requirement.indexOf("!=");
            int equals = requirement.indexOf('=');
            if (equals <= 0) {
                throw new KubeJson.BadRequest("invalid field selector \"" + text
                        + "\": each requirement must be field=value, field==value or field!=value");
            }
            boolean equal = notEquals < 0;
            int split = equal ? equals : notEquals;
            String rest = requirement.substring(split + (equal ? 1 : 2));
            String value = equal && rest.startsWith("=") ? rest.substring(1) : rest;
            requirements.add(
                    new Requirement(requirement.substring(0, split).strip().split("\\."), value.strip(), equal));
        }
        return new FieldSelector(List.copyOf(requirements));
    }

    boolean matches(JsonNode object) {
        for (Requirement requirement : requirements) {
            JsonNode field = object;
            for (String step : requirement.path()) {
                field = field.path(step);
            }
            boolean same = field.asText("").equals(requirement.value());
            if (same != requirement.equal()) {
                return false;
            }
        }
        return true;
    }

    /** The one name {@code metadata.name=NAME} asks for, if it does. */
    Optional<String> name() {
        return requirements.stream()
                .filter(requirement -> requirement.equal()
                        && requirement.path().length == 2
                        && requirement.path()[0].equals("metadata")
                        && requirement.path()[1].equals("name"))
                .map(Requirement::value)
                .findFirst();
    }
}
