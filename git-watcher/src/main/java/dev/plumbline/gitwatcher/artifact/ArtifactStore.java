package dev.plumbline.gitwatcher.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The artifacts built so far, under {@code <data-dir>/artifacts/<repoKey>/<sha>.tar.gz} with the digest beside each in
 * {@code <sha>.sha256}. Only commits the service fetched and announced are here, so only those can be downloaded; the
 * names are checked against fixed shapes before they touch the file system, so no request reaches anything else.
 */
public final class ArtifactStore {

    /** Writes an artifact's bytes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern REPO_KEY = Pattern.compile("[0-9a-f]{16}");

    private final Path root;

    public ArtifactStore(Path root) {
        this.root = root;
    }

    public static boolean isSha(String text) {
        return text != null && SHA.matcher(text).matches();
    }

    /** The artifact, built by the writer unless it exists: the tree of a commit never changes. */
    public StoredArtifact store(String repoKey, String sha, Writer writer) throws IOException {
        Optional<StoredArtifact> existing = find(repoKey, sha);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path folder = folder(repoKey);
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, sha, ".partial");
        try {
            MessageDigest sha256 = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                writer.write(out);
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            Files.writeString(folder.resolve(sha + ".sha256"), digest, StandardCharsets.US_ASCII);
            move(partial, tarball(repoKey, sha));
            return new StoredArtifact(tarball(repoKey, sha), digest, Files.size(tarball(repoKey, sha)));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The artifact of a commit, when it was built; nothing for a key or SHA of another shape. */
    public Optional<StoredArtifact> find(String repoKey, String sha) throws IOException {
        if (!REPO_KEY.matcher(repoKey).matches() || !isSha(sha)) {
            return Optional.empty();
        }
        Path tarball = tarball(repoKey, sha);
        Path digest = folder(repoKey).resolve(sha + ".sha256");
        if (!Files.isRegularFile(tarball) || !Files.isRegularFile(digest)) {
            return Optional.empty();
        }
        return Optional.of(new StoredArtifact(
                tarball, Files.readString(digest, StandardCharsets.US_ASCII).strip(), Files.size(tarball)));
    }

    private Path folder(String repoKey) {
        return root.resolve(repoKey);
    }

    private Path tarball(String repoKey, String sha) {
        return folder(repoKey).resolve(sha + ".tar.gz");
    }

    /** The tarball appears whole or not at all, after its digest: a reader never sees half an artifact. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
