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
 * The sandbox Git server over HTTP with basic auth, with the user {@link SandboxGitResource} gives the git-watcher,
 * and helpers to make a repository and its Applications. A test of the running service reaches the server that
 * resource started ({@link #served}), since the git-watcher's credentials name that server's port.
 */
public final class SandboxGit implements AutoCloseable {

    public static final String USER = "plumbline";
    public static final String PASSWORD = "sandbox-password";

    private final Path folder;
    private final GitServer server;
    private final String url;
    private final boolean owned;

    /** Starts a server of its own, on a free port, stopped by {@link #close()}. */
    public SandboxGit() {
        try {
            folder = Files.createTempDirectory("sandbox-git");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new GitServer(folder.resolve("served"), new BasicCredentials(USER, PASSWORD)).start();
        url = server.url();
        owned = true;
    }

    private SandboxGit(Path folder, String url) {
        this.folder = folder;
        this.server = new GitServer(folder.resolve("served"));
        this.url = url;
        this.owned = false;
    }

    /** The server another {@code SandboxGit} started in that folder, at that URL; closing this one leaves it up. */
    public static SandboxGit served(Path folder, String url) {
        return new SandboxGit(folder, url);
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return url;
    }

    public Path folder() {
        return folder;
    }

    /** A new empty repository, under a name no other test uses; returns its clone URL. */
    public String newRepository(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        server.createBareRepository(unique);
        return url + "/" + unique + ".git";
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
        if (owned) {
            server.close();
        }
    }
}
