package dev.plumbline.events.testing;

import dev.plumbline.events.signing.KeyFiles;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The signing keys of a module's tests: one Ed25519 pair per signing service, made once under
 * {@code target/test-signing-keys} and reused, so that a Quarkus application under test (through
 * {@link TestSigningKeysConfigSource}) and the test that plays the other services sign and verify with the same keys,
 * whichever class loader reads them. A second pair per service, {@code <service>-next}, stands for a rotated key.
 */
public final class TestSigningKeys {

    public static final List<String> SIGNERS = List.of("git-watcher", "renderer", "drift-auditor");
    private static final Path DIRECTORY = Path.of("target", "test-signing-keys").toAbsolutePath();

    private TestSigningKeys() {}

    public static Path directory() {
        if (!Files.isDirectory(DIRECTORY)) {
            create();
        }
        return DIRECTORY;
    }

    public static Path privateKeyFile(String service) {
        return directory().resolve(service + ".key");
    }

    public static Path publicKeyFile(String service) {
        return directory().resolve(service + ".pub");
    }

    public static SigningKey signingKey(String service) {
        return SigningKey.read(privateKeyFile(service));
    }

    public static TrustedKeys trustedKeys(String service) {
        return TrustedKeys.read(service, List.of(publicKeyFile(service)));
    }

    /** Makes every pair in a directory of its own, then moves it into place whole: a reader sees all keys or none. */
    private static void create() {
        try {
            Files.createDirectories(DIRECTORY.getParent());
            Path staging = Files.createTempDirectory(DIRECTORY.getParent(), "test-signing-keys-");
            for (String service : SIGNERS) {
                KeyFiles.generate(staging.resolve(service + ".key"), staging.resolve(service + ".pub"));
                KeyFiles.generate(staging.resolve(service + "-next.key"), staging.resolve(service + "-next.pub"));
            }
            try {
                Files.move(staging, DIRECTORY, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException lost) {
                // another class loader or fork made them first: theirs are the keys
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the test signing keys under " + DIRECTORY, e);
        }
    }
}
