package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Opens an SSH key before a fetch offers it, so that a missing file, an encrypted key without its passphrase or a
 * wrong passphrase is reported as such; JGit would only say that the server let nobody in. A key that opened is not
 * opened again until its file or passphrase changes: decrypting costs a deliberately slow key derivation.
 */
final class SshKeyCheck {

    private record Opened(Path key, long modified, long size, String passphrase) {}

    private final Set<Opened> opened = ConcurrentHashMap.newKeySet();

    /** Why the key of these credentials cannot be used, or nothing when it opens. */
    Optional<String> problem(RepoCredentials credentials) {
        Path key = credentials.sshKey();
        String passphrase = credentials.keyPassphrase();
        Opened attempt;
        try {
            attempt = new Opened(key, Files.getLastModifiedTime(key).toMillis(), Files.size(key), passphrase);
        } catch (NoSuchFileException e) {
            return Optional.of("the SSH key file " + key + " of credentials " + credentials.name() + " does not exist");
        } catch (IOException e) {
            return Optional.of("cannot read the SSH key file " + key + ": " + e.getMessage());
        }
        if (opened.contains(attempt)) {
            return Optional.empty();
        }
        FilePasswordProvider password =
                passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
        try (InputStream in = Files.newInputStream(key)) {
            Iterable<?> keys = SecurityUtils.loadKeyPairIdentities(null, new PathResource(key), in, password);
            if (keys == null || !keys.iterator().hasNext()) {
                return Optional.of("the SSH key file " + key + " holds no private key");
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.of(
                    passphrase == null
                            ? "the SSH key " + key + " cannot be read: it is encrypted and credentials "
                                    + credentials.name()
                                    + " set no passphrase (ssh-key-passphrase or ssh-key-passphrase-file), or it is not a private key"
                            : "the SSH key " + key + " cannot be opened with the passphrase of credentials "
                                    + credentials.name());
        }
        opened.add(attempt);
        return Optional.empty();
    }
}
