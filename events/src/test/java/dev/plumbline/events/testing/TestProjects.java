package dev.plumbline.events.testing;

import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import java.util.List;

/** Projects for tests whose subject is not tenancy. */
public final class TestProjects {

    private TestProjects() {}

    /** A project that allows every repository, namespace and kind, with no ServiceAccount and no signature keys. */
    public static ProjectPolicy allowingEverything() {
        return new ProjectPolicy(
                ProjectPolicy.DEFAULT,
                true,
                1,
                List.of("**"),
                List.of(ProjectDestination.of("*")),
                List.of(new KindPattern("*", "*")),
                null,
                null,
                List.of());
    }
}
