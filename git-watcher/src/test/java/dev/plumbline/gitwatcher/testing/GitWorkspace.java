package dev.plumbline.gitwatcher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** A working clone that commits and pushes to a test repository, as a person would. */
public final class GitWorkspace implements AutoCloseable {

    public static final PersonIdent ANA =
            new PersonIdent("Ana Lima", "ana@example.com", Instant.parse("2026-11-27T15:00:00Z"), ZoneOffset.UTC);
    public static final PersonIdent BOT =
            new PersonIdent("Merge Bot", "bot@example.com", Instant.parse("2026-11-27T15:01:30Z"), ZoneOffset.UTC);

    private final Git git;
    private final String remote;
    private final UsernamePasswordCredentialsProvider credentials;
    private Signer signer;
    private String signingKey;

    public GitWorkspace(Path folder, String remote, String username, String password) {
        try {
            this.git = Git.init()
                    .setDirectory(folder.toFile())
                    .setInitialBranch("main")
                    .call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        this.remote = remote;
        this.credentials = username == null ? null : new UsernamePasswordCredentialsProvider(username, password);
    }

    /**
     * Signs the commits that follow with this signer and key (for an SSH signer, the private key file), as
     * {@code git commit -S} would; a null signer commits unsigned again.
     */
    public GitWorkspace signingWith(Signer commitSigner, String key) {
        this.signer = commitSigner;
        this.signingKey = key;
        return this;
    }

    public Repository repository() {
        return git.getRepository();
    }

    /** Writes the files (a null content deletes one) and commits them as Ana, committed by the bot. */
    public String commit(String message, Map<String, String> files) {
        try {
            Path root = git.getRepository().getWorkTree().toPath();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                if (file.getValue() == null) {
                    Files.deleteIfExists(path);
                    git.rm().addFilepattern(file.getKey()).call();
                } else {
                    Files.createDirectories(path.getParent() == null ? root : path.getParent());
                    Files.writeString(path, file.getValue());
                    git.add().addFilepattern(file.getKey()).call();
                }
            }
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(ANA)
                    .setCommitter(BOT)
                    .setSign(signer != null)
                    .setSigner(signer)
                    .setSigningKey(signingKey)
                    .call();
            return commit.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String branch, boolean create) {
        call(() -> git.checkout().setName(branch).setCreateBranch(create).call());
    }

    /** Moves the current branch back to a commit, so that the next push has to be forced. */
    public void resetHard(String sha) {
        call(() -> git.reset()
                .setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
                .setRef(sha)
                .call());
    }

    public void tag(String name) {
        call(() -> git.tag()
                .setName(name)
                .setAnnotated(true)
                .setMessage("release " + name)
                .setTagger(ANA)
                .setSigned(false)
                .call());
    }

    public void push(String refSpec) {
        call(() -> git.push()
                .setRemote(remote)
                .setRefSpecs(new RefSpec(refSpec))
                .setCredentialsProvider(credentials)
                .call());
    }

    /** Deletes a branch or tag on the remote. */
    public void deleteRemote(String ref) {
        push(":" + ref);
    }

    private interface GitCall {
        Object call() throws GitAPIException;
    }

    private static void call(GitCall call) {
        try {
            call.call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
