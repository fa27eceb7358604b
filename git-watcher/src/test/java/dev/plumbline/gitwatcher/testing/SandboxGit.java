package dev.plumbline.gitwatcher.testing;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.sandbox.git.BasicCredentials;
import dev.plumbline.sandbox.git.GitServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The sandbox Git server over HTTP with basic auth, with the user the test profile gives the git-watcher, and
 * helpers to make a repository and its Applications.
 */
public final class SandboxGit implements AutoCloseable {

    public static final String USER = "plumbline";
    public static final String PASSWORD = "sandbox-password";

    private final Path folder;
    private final GitServer server;

    public SandboxGit() {
        try {
            folder = Files.createTempDirectory("sandbox-git");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new GitServer(folder.resolve("served"), new BasicCredentials(USER, PASSWORD)).start();
    }

    /** A new empty repository, under a name no other test uses; returns its clone URL. */
    public String newRepository(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        server.createBareRepository(unique);
        return server.repositoryUrl(unique);
    }

    public GitWorkspace workspace(String url) {
        return new GitWorkspace(folder.resolve("work-" + UUID.randomUUID()), url, USER, PASSWORD);
    }

    /** An Application of a project that allows every repository. */
    public static ApplicationSpec application(String app, String url, String revision, String path) {
        return application(app, url, revision, path, TestProjects.allowingEverything());
    }

    public static ApplicationSpec application(
            String app, String url, String revision, String path, ProjectPolicy project) {
        return ApplicationSpec.of(
                        app,
                        "plumbline",
                        1,
                        SourceSpec.of(url, revision, path),
                        Destination.of("default"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .withProject(project);
    }

    @Override
    public void close() {
        server.close();
    }
}
