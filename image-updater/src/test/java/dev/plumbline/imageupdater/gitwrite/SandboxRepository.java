package dev.plumbline.imageupdater.gitwrite;

import dev.plumbline.sandbox.git.BasicCredentials;
import dev.plumbline.sandbox.git.GitServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A config repository on the sandbox Git server, with a writing and a read-only user, and a clone of its own that
 * plays the people who push to it too.
 */
public final class SandboxRepository implements AutoCloseable {

    public static final BasicCredentials WRITER = new BasicCredentials("plumbline", "writer-token-7d2e");
    public static final BasicCredentials READER = new BasicCredentials("watcher", "reader-token-91ab");
    private static final CredentialsProvider PUSHER =
            new UsernamePasswordCredentialsProvider(WRITER.username(), WRITER.password());

    private final GitServer server;
    private final Path bare;
    private final Git colleague;
    private int colleagueCommits;

    /** Starts a server below {@code folder} with {@code config.git}, whose main holds {@code file} = {@code content}. */
    public SandboxRepository(Path folder, String file, String content) throws IOException, GitAPIException {
        server = new GitServer(folder.resolve("served"), WRITER, READER).start();
        bare = server.createBareRepository("config");
        colleague = Git.cloneRepository()
                .setURI(url())
                .setDirectory(folder.resolve("colleague").toFile())
                .setCredentialsProvider(PUSHER)
                .call();
        write(file, content, "Add " + file);
    }

    public String url() {
        return server.repositoryUrl("config");
    }

    public String serverUrl() {
        return server.url();
    }

    /** Someone else commits {@code file} on main and pushes it. */
    public RevCommit write(String file, String content, String message) throws IOException, GitAPIException {
        colleague.fetch().setCredentialsProvider(PUSHER).call();
        if (colleague.getRepository().resolve("refs/remotes/origin/main") != null) {
            colleague.checkout().setName("origin/main").setForced(true).call();
        }
        Path path = colleague.getRepository().getWorkTree().toPath().resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        colleague.add().addFilepattern(file).call();
        RevCommit commit = colleague
                .commit()
                .setMessage(message)
                .setAuthor("Colleague " + ++colleagueCommits, "colleague@example.test")
                .setCommitter("Colleague", "colleague@example.test")
                .call();
        colleague
                .push()
                .setCredentialsProvider(PUSHER)
                .setRefSpecs(new RefSpec("HEAD:refs/heads/main"))
                .call();
        return commit;
    }

    /** The commit a branch of the served repository points at, or null. */
    public RevCommit head(String branch) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository();
                RevWalk walk = new RevWalk(repository)) {
            var id = repository.resolve("refs/heads/" + branch);
            return id == null ? null : walk.parseCommit(id);
        }
    }

    /** Makes {@code branch} at main's head the served repository's default branch (what its HEAD names). */
    public void defaultBranch(String branch) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository()) {
            RefUpdate create = repository.updateRef("refs/heads/" + branch);
            create.setNewObjectId(repository.resolve("refs/heads/main"));
            create.update();
            repository.updateRef(Constants.HEAD).link("refs/heads/" + branch);
        }
    }

    /** Tags main's head in the served repository. */
    public void tag(String name) throws IOException, GitAPIException {
        try (Git git = Git.open(bare.toFile())) {
            git.tag().setName(name).setAnnotated(false).call();
        }
    }

    /** A file as a commit of the served repository holds it. */
    public String content(RevCommit commit, String file) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository();
                TreeWalk tree = TreeWalk.forPath(repository, file, commit.getTree())) {
            return tree == null
                    ? null
                    : new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        colleague.close();
        server.close();
    }
}
