package dev.plumbline.reconciler.testing;

import dev.plumbline.reconciler.project.Project;
import dev.plumbline.reconciler.project.ProjectSpecModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Project resources as an administrator would write them, for the service's tests. */
public final class TestProjects {

    /** Alice's SSH public key line, as ssh-keygen wrote it. */
    public static final String SSH_KEY = file("alice-ssh.pub").strip();
    /** Alice's OpenPGP public key, as gpg --armor --export wrote it. */
    public static final String OPENPGP_KEY = file("alice-openpgp.asc");

    private TestProjects() {}

    /** A file of src/test/resources/projects. */
    public static String file(String name) {
        try (InputStream in = TestProjects.class.getResourceAsStream("/projects/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
