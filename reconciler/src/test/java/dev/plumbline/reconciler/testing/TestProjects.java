package dev.plumbline.reconciler.testing;

import dev.plumbline.reconciler.project.Project;
import dev.plumbline.reconciler.project.ProjectSpecModel;
import java.util.List;

/** Project resources as an administrator would write them, for the service's tests. */
public final class TestProjects {

    private TestProjects() {}

    /** The {@code default} project, allowing every repository, namespace and kind. */
    public static Project allowingEverything() {
        ProjectSpecModel spec = new ProjectSpecModel();
        spec.sourceRepos = List.of("**");
        spec.destinations = List.of(destination("*"));
        spec.clusterResources = List.of(kind("*", "*"));
        return project("default", spec);
    }

    public static Project project(String name, ProjectSpecModel spec) {
        Project project = new Project();
        project.getMetadata().setName(name);
        project.getMetadata().setNamespace("plumbline");
        project.setSpec(spec);
        return project;
    }

    public static ProjectSpecModel.Destination destination(String namespace) {
        ProjectSpecModel.Destination destination = new ProjectSpecModel.Destination();
        destination.namespace = namespace;
        return destination;
    }

    public static ProjectSpecModel.KindRule kind(String group, String kind) {
        ProjectSpecModel.KindRule rule = new ProjectSpecModel.KindRule();
        rule.group = group;
        rule.kind = kind;
        return rule;
    }
}
