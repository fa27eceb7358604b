package dev.plumbline.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A configuration repository on the run's sandbox Git server, changed the way a person changes one: in a working
 * copy, committed, and pushed over HTTP with the server's credentials. The server serves every bare repository
 * under its root folder, so creating one is {@code git init --bare} there.
 */
public final class ConfigRepository implements AutoCloseable {

    public static final String BRANCH = "main";

    private final String url;
    private final Path workingCopy;
    private final UsernamePasswordCredentialsProvider credentials;
    private final Git git;
    private Signer signer;
    private String signingKey;

    private ConfigRepository(String url, Path workingCopy, UsernamePasswordCredentialsProvider credentials, Git git) {
        this.url = url;
        this.workingCopy = workingCopy;
        this.credentials = credentials;
        this.git = git;
    }

    /**
     * Creates the bare repository {@code name}.git under the server's root (afresh: an earlier one is replaced) and
     * clones it into {@code workingCopy}.
     */
    public static ConfigRepository create(GitServer server, String name, Path workingCopy) {
        Path bare = server.root().resolve(name + ".git");
        String url = server.url() + "/" + name + ".git";
        UsernamePasswordCredentialsProvider credentials =
                new UsernamePasswordCredentialsProvider(server.username(), server.password());
        try {
            deleteRecursively(bare);
            deleteRecursively(workingCopy);
            Git.init()
                    .setBare(true)
                    .setInitialBranch(BRANCH)
                    .setDirectory(bare.toFile())
                    .call()
                    .close();
            Git git = Git.cloneRepository()
                    .setURI(url)
                    .setDirectory(workingCopy.toFile())
                    .setCredentialsProvider(credentials)
                    .call();
            return new ConfigRepository(url, workingCopy, credentials, git);
        } catch (GitAPIException e) {
            throw new DemoStepException("cannot create the repository " + url + ": " + e.getMessage());
        }
    }

    /** Clones the existing repository {@code name}.git of the server into {@code workingCopy}, to change it. */
    public static ConfigRepository open(GitServer server, String name, Path workingCopy) {
        String url = server.url() + "/" + name + ".git";
        UsernamePasswordCredentialsProvider credentials =
                new UsernamePasswordCredentialsProvider(server.username(), server.password());
        try {
            deleteRecursively(workingCopy);
            Git git = Git.cloneRepository()
                    .setURI(url)
                    .setDirectory(workingCopy.toFile())
                    .setCredentialsProvider(credentials)
                    .call();
            return new ConfigRepository(url, workingCopy, credentials, git);
        } catch (GitAPIException e) {
            throw new DemoStepException("cannot clone " + url + ": " + e.getMessage());
        }
    }

    /** Where the Git server is and how to log in. */
    public record GitServer(String url, Path root, String username, String password) {

        /** The run's sandbox Git server, from its environment. */
        public static GitServer of(java.util.Map<String, String> run) {
            return new GitServer(
                    run.get("GIT_SERVER_URL"),
                    Path.of(run.get("GIT_SERVER_ROOT")),
                    run.get("GIT_USERNAME"),
                    run.get("GIT_PASSWORD"));
        }

        @Override
        public String toString() {
            return "GitServer[" + url + "]";
        }
    }

    public String url() {
        return url;
    }

    public Path workingCopy() {
        return workingCopy;
    }

    public Path file(String path) {
        return workingCopy.resolve(path);
    }

    public String read(String path) {
        try {
            return Files.readString(file(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " of the working copy", e);
        }
    }

    public ConfigRepository write(String path, String content) {
        try {
            Files.createDirectories(file(path).getParent());
            Files.writeString(file(path), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + " in the working copy", e);
        }
        return this;
    }

    /** Copies files of a folder on the class path ({@code demo-repository/apps/web/settings.yaml}, …) in. */
    public ConfigRepository copyFromClassPath(String folder, List<String> paths) {
        for (String path : paths) {
            try (InputStream in = ConfigRepository.class.getResourceAsStream("/" + folder + "/" + path)) {
                if (in == null) {
                    throw new IllegalStateException(folder + "/" + path + " is missing from the jar");
                }
                write(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder + "/" + path + " from the jar", e);
            }
        }
        return this;
    }

    public ConfigRepository delete(String path) {
        try {
            Files.deleteIfExists(file(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + " in the working copy", e);
        }
        return this;
    }

    /**
     * Signs the commits that follow as {@code git commit -S} does, with this signer and key (for an SSH signer, the
     * private key file); a null signer commits unsigned again.
     */
    public ConfigRepository signingWith(Signer commitSigner, String key) {
        this.signer = commitSigner;
        this.signingKey = key;
        return this;
    }

    /** Commits every change of the working copy as {@code author} and pushes it; returns the new commit's SHA. */
    public String commitAndPush(PersonIdent author, String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            RevCommit commit = git.commit()
                    .setAuthor(author)
                    .setCommitter(author)
                    .setMessage(message)
                    .setAllowEmpty(false)
                    .setSign(signer != null)
                    .setSigner(signer)
                    .setSigningKey(signingKey)
                    .call();
            git.push()
                    .setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/" + BRANCH))
                    .call();
            return commit.getName();
        } catch (GitAPIException e) {
            throw new DemoStepException("cannot commit and push to " + url + ": " + e.getMessage());
        }
    }

    /**
     * Fetches {@code branch} from the server and returns its head, or null when the server has no such branch (the
     * branch a promotion pushed, to review it).
     */
    public String fetch(String branch) {
        try {
            git.fetch()
                    .setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))
                    .setRemoveDeletedRefs(true)
                    .call();
            ObjectId head = git.getRepository().resolve("refs/remotes/origin/" + branch);
            return head == null ? null : head.getName();
        } catch (GitAPIException | IOException e) {
            throw new DemoStepException("cannot fetch " + branch + " from " + url + ": " + e.getMessage());
        }
    }

    /**
     * Merges the server's {@code branch} into this working copy's branch with a merge commit, as a reviewer merging a
     * pull request does, and pushes it; returns the merge commit's SHA.
     */
    public String mergeAndPush(String branch, PersonIdent reviewer, String message) {
        String head = fetch(branch);
        if (head == null) {
            throw new DemoStepException(url + " has no branch " + branch + " to merge");
        }
        try {
            git.pull()
                    .setCredentialsProvider(credentials)
                    .setRemoteBranchName(BRANCH)
                    .call();
            MergeResult merged = git.merge()
                    .include(ObjectId.fromString(head))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false)
                    .call();
            if (!merged.getMergeStatus().isSuccessful()) {
                throw new DemoStepException(
                        "merging " + branch + " into " + BRANCH + " of " + url + " failed: " + merged.getMergeStatus());
            }
            RevCommit commit = git.commit()
                    .setAuthor(reviewer)
                    .setCommitter(reviewer)
                    .setMessage(message)
                    .call();
            git.push()
                    .setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/" + BRANCH))
                    .call();
            return commit.getName();
        } catch (GitAPIException e) {
            throw new DemoStepException("cannot merge " + branch + " into " + url + ": " + e.getMessage());
        }
    }

    /** The working copy's Git, to read its history and diffs. */
    public Git git() {
        return git;
    }

    @Override
    public void close() {
        git.close();
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}
