package dev.plumbline.reconciler.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** team-a may deploy into plumbline, where Applications live: an app of apps. */
    private final ProjectLimits teamA = new ProjectLimits(
            new ProjectPolicy(
                    "team-a",
                    true,
                    1,
                    List.of("**"),
                    List.of(ProjectDestination.of("plumbline"), ProjectDestination.of("team-a")),
                    List.of(),
                    null,
                    null,
                    List.of()),
            "team-a",
            kind -> Optional.of(true));

    @Test
    void anAppOfAppsMayCreateApplicationsOfItsOwnProjectOnly() {
        List<Refusal> refusals = teamA.checkChildApplications(List.of(
                application("child", "team-a"), application("escalation", "platform"), application("unnamed", null)));

        assertThat(refusals).extracting(refusal -> refusal.object().name()).containsExactly("escalation", "unnamed");
        assertThat(refusals.get(0).reason())
                .contains("names project \"platform\"", "only create Applications of its own project");
        assertThat(refusals.get(1).reason()).contains("names project \"default\"");
    }

    private static RenderedObject application(String name, String project) {
        ObjectNode body = JSON.createObjectNode();
        body.put("apiVersion", "plumbline.dev/v1alpha1").put("kind", "Application");
        body.putObject("metadata").put("name", name).put("namespace", "plumbline");
        ObjectNode spec = body.putObject("spec");
        if (project != null) {
            spec.put("project", project);
        }
        return new RenderedObject(
                new ObjectIdentity("plumbline.dev", "v1alpha1", "Application", "plumbline", name), body, "apps.yaml");
    }
}
