package dev.plumbline.gitwatcher.signature;

import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory;
import org.jboss.logging.Logger;

/**
 * SSH signatures, checked by JGit's SSH signature verifier against an allowed-signers file that lists exactly the
 * keys given, in {@code <folder>/<digest>.allowed}: one file per set of keys, written once, so that JGit reads it
 * once.
 */
final class SshSignatures {

    private static final Logger LOG = Logger.getLogger(SshSignatures.class);

    private final Path folder;
    private final SignatureVerifier verifier = new SshSignatureVerifierFactory().create();

    SshSignatures(Path folder) {
        // JGit resolves a relative allowed-signers path against the work tree, which a mirror has none of
        this.folder = folder.toAbsolutePath();
    }

    CommitSignature check(Repository repository, SignedCommit commit, ListedKeys trusted) throws IOException {
        Config config = new Config();
        config.setString(
                "gpg", "ssh", "allowedSignersFile", allowedSigners(trusted).toString());
        SignatureVerifier.SignatureVerification result =
                verifier.verify(repository, new GpgConfig(config), commit.payload(), commit.signature());
        String fingerprint = result.keyFingerprint();
        if (result.verified()) {
            return new CommitSignature(
                    SignatureVerdict.GOOD,
                    SignatureFormat.SSH,
                    fingerprint,
                    trusted.owner(fingerprint).orElse(null));
        }
        if (result.trustLevel() == SignatureVerifier.TrustLevel.UNKNOWN) {
            // the signature is sound, but no listed key made it
            return new CommitSignature(SignatureVerdict.UNKNOWN_KEY, SignatureFormat.SSH, fingerprint, null);
        }
        LOG.debugf("SSH signature by %s does not verify: %s", fingerprint, result.message());
        return new CommitSignature(
                SignatureVerdict.BAD,
                SignatureFormat.SSH,
                fingerprint,
                trusted.owner(fingerprint).orElse(null));
    }

    /** {@code plumbline namespaces="git" TYPE BASE64} per key: any listed key may sign commits ("git" namespace). */
    private Path allowedSigners(ListedKeys trusted) throws IOException {
        StringBuilder lines = new StringBuilder();
        trusted.ssh()
                .forEach(key -> lines.append("plumbline namespaces=\"git\" ")
                        .append(key.keyEntry())
                        .append('\n'));
        byte[] content = lines.toString().getBytes(StandardCharsets.US_ASCII);
        Path file = folder.resolve(digest(content) + ".allowed");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "allowed", ".partial");
            try {
                Files.write(partial, content);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return file;
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
