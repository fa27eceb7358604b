package dev.plumbline.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.reconciler.project.Project;
import dev.plumbline.reconciler.project.ProjectMapper;

/**
 * Reads a Project of deploy/ as the reconciler reads it: a field its model lacks (a typo such as
 * {@code sourceRepo}) fails, and so does a value the reconciler would refuse.
 */
final class Projects {

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Projects() {}

    static ProjectPolicy parse(JsonNode object) {
        try {
            return ProjectMapper.toPolicy(STRICT.treeToValue(object, Project.class));
        } catch (Exception e) {
            throw new AssertionError(
                    Manifests.describe(object) + " is not a Project the reconciler reads: " + e.getMessage(), e);
        }
    }
}
