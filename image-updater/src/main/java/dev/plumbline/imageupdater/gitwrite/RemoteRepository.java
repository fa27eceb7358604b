package dev.plumbline.imageupdater.gitwrite;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

/** The remote config repository: fetches a branch into the work folder and pushes, with the write credential. */
final class RemoteRepository {

    static final int TIMEOUT_SECONDS = 60;
    private static final String REMOTE_BRANCHES = "refs/plumbline/remote/";

    private final String url;
    private final WriteCredential credential;

    RemoteRepository(String url, WriteCredential credential) {
        this.url = Objects.requireNonNull(url, "url");
        this.credential = Objects.requireNonNull(credential, "credential");
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a repository URL: " + displayUrl());
        }
        if (!"https".equals(parsed.getScheme()) && !"http".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("the image-updater writes over HTTP(S) only, not to " + displayUrl());
        }
        if (parsed.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "put the credential in its own settings, not in the URL " + displayUrl());
        }
    }

    /**
     * The work folder, its {@code HEAD} detached at the remote's {@code branch} and its files exactly that
     * commit's: fetched shallow (one commit deep), anything left by an earlier call reset and removed.
     */
    Git freshCheckout(Path folder, String branch) {
        Git git = open(folder);
        try {
            String local = REMOTE_BRANCHES + branch;
            try {
                git.fetch()
                        .setRemote(url)
                        .setCredentialsProvider(credentials())
                        .setTimeout(TIMEOUT_SECONDS)
                        .setDepth(1)
                        .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + local))
                        .call();
            } catch (TransportException e) {
                throw transportFailure("fetch " + branch + " from", e, branch);
            }
            ObjectId head = git.getRepository().resolve(local);
            git.checkout().setName(head.name()).setForced(true).call();
            git.reset().setMode(ResetType.HARD).setRef(head.name()).call();
            git.clean()
                    .setCleanDirectories(true)
                    .setIgnore(false)
                    .setForce(true)
                    .call();
            return git;
        } catch (GitAPIException | IOException e) {
            git.close();
            throw new GitWriteException(
                    GitWriteException.Kind.LOCAL,
                    false,
                    "cannot check out " + branch + " of " + displayUrl() + " in " + folder + ": "
                            + scrub(String.valueOf(e.getMessage())),
                    e);
        } catch (GitWriteException e) {
            git.close();
            throw e;
        }
    }

    Iterable<PushResult> push(Git git, RefSpec spec) {
        try {
            return git.push()
                    .setRemote(url)
                    .setCredentialsProvider(credentials())
                    .setTimeout(TIMEOUT_SECONDS)
                    .setRefSpecs(spec)
                    .call();
        } catch (TransportException e) {
            throw transportFailure("push to", e, null);
        } catch (GitAPIException e) {
            throw new GitWriteException(
                    GitWriteException.Kind.PUSH_REFUSED,
                    false,
                    "cannot push to " + displayUrl() + ": " + scrub(String.valueOf(e.getMessage())),
                    null);
        }
    }

    /** The URL for messages and logs: never a credential, even one written into the URL. */
    String displayUrl() {
        return url.replaceAll("://[^/@]*@", "://");
    }

    String scrub(String text) {
        return text.replace(credential.password(), "****").replaceAll("://[^/@\\s]*@", "://");
    }

    /** A folder name per repository URL, readable and unique: {@code host-path-<hash>}. */
    static String folderName(String url) {
        String readable = url.replaceFirst("^[a-z]+://", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("^[-.]+|[-.]+$", "")
                .toLowerCase(Locale.ROOT);
        if (readable.length() > 60) {
            readable = readable.substring(readable.length() - 60);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Git open(Path folder) {
        try {
            if (FileKey.isGitRepository(folder.resolve(Constants.DOT_GIT).toFile(), FS.DETECTED)) {
                return Git.open(folder.toFile());
            }
            if (Files.exists(folder)) {
                // a work folder left half-made by an interrupted first fetch
                FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE);
            }
            Files.createDirectories(folder);
            return Git.init()
                    .setDirectory(folder.toFile())
                    .setInitialBranch("plumbline-work")
                    .call();
        } catch (IOException | GitAPIException e) {
            throw new GitWriteException(
                    GitWriteException.Kind.LOCAL,
                    false,
                    "cannot make the work folder " + folder + ": " + e.getMessage(),
                    e);
        }
    }

    private GitWriteException transportFailure(String action, TransportException e, String branch) {
        String said = scrub(String.valueOf(e.getMessage()));
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("not authorized") || lower.contains("authentication is required") || lower.contains("401")) {
            return new GitWriteException(
                    GitWriteException.Kind.CREDENTIAL_REFUSED,
                    false,
                    displayUrl()
                            + " refused the write credential of user " + credential.username() + " (" + said
                            + "); give a"
                            + " token that may push to the repository",
                    null);
        }
        if (lower.contains("403") || lower.contains("forbidden") || lower.contains("not permitted")) {
            return new GitWriteException(
                    GitWriteException.Kind.CREDENTIAL_REFUSED,
                    false,
                    displayUrl()
                            + " does not let user " + credential.username() + " " + action.split(" ")[0] + " (" + said
                            + "); give the write credential's token the right to push",
                    null);
        }
        if (branch != null && lower.contains("remote does not have")) {
            return new GitWriteException(
                    GitWriteException.Kind.NO_SUCH_BRANCH,
                    false,
                    displayUrl() + " has no branch " + branch + "; check the Application's targetRevision",
                    null);
        }
        return new GitWriteException(
                GitWriteException.Kind.UNREACHABLE,
                true,
                "cannot " + action + " " + displayUrl() + " (" + said + "); it is tried again later",
                null);
    }

    private UsernamePasswordCredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider(credential.username(), credential.password());
    }
}
