package dev.plumbline.cli.run;

import dev.plumbline.events.signing.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 keys of a one-machine run, under {@code .plumbline/run/keys}: a private key ({@code <service>.key},
 * readable by its owner only) and a public key ({@code <service>.pub}) for each service that signs. They are made
 * at the first start and kept, as the broker's data is: the audit trail kept there was signed with the
 * drift-auditor's key, and a new key would leave it unverifiable.
 */
final class RunSigningKeys {

    static final String GIT_WATCHER = "git-watcher";
    static final String RENDERER = "renderer";
    static final String DRIFT_AUDITOR = "drift-auditor";
    private static final List<String> SIGNERS = List.of(GIT_WATCHER, RENDERER, DRIFT_AUDITOR);

    private final Path directory;

    private RunSigningKeys(Path directory) {
        this.directory = directory;
    }

    /** Makes the keys that are missing; keeps those that exist. */
    static RunSigningKeys prepare(Path directory) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the run's signing keys, " + directory, e);
        }
        RunSigningKeys keys = new RunSigningKeys(directory);
        for (String signer : SIGNERS) {
            if (!Files.exists(keys.privateKey(signer))) {
                try {
                    Files.deleteIfExists(keys.publicKey(signer));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot replace " + keys.publicKey(signer), e);
                }
                KeyFiles.generate(keys.privateKey(signer), keys.publicKey(signer));
            }
        }
        return keys;
    }

    Path privateKey(String signer) {
        return directory.resolve(signer + ".key");
    }

    Path publicKey(String signer) {
        return directory.resolve(signer + ".pub");
    }

    /**
     * What one service is given: its own private key if it signs, and the public keys of the services whose events
     * it acts on. No service sees another's private key.
     */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (service) {
            case GIT_WATCHER ->
                env.put("PLUMBLINE_SIGNING_KEY_FILE", privateKey(GIT_WATCHER).toString());
            case RENDERER -> {
                env.put("PLUMBLINE_SIGNING_KEY_FILE", privateKey(RENDERER).toString());
                env.put(
                        "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                        publicKey(GIT_WATCHER).toString());
            }
            case "reconciler" -> {
                env.put(
                        "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                        publicKey(GIT_WATCHER).toString());
                env.put("PLUMBLINE_TRUST_RENDERER_KEYS", publicKey(RENDERER).toString());
                env.put(
                        "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS",
                        publicKey(DRIFT_AUDITOR).toString());
            }
            case DRIFT_AUDITOR -> {
                env.put("PLUMBLINE_SIGNING_KEY_FILE", privateKey(DRIFT_AUDITOR).toString());
                env.put("PLUMBLINE_TRUST_RENDERER_KEYS", publicKey(RENDERER).toString());
                env.put(
                        "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                        publicKey(GIT_WATCHER).toString());
                env.put(
                        "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS",
                        publicKey(DRIFT_AUDITOR).toString());
            }
            default -> {}
        }
        return env;
    }

    /** What people's tools are given in the run's env file: the public key that verifies the audit trail. */
    Map<String, String> forPeople() {
        return Map.of(
                "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS", publicKey(DRIFT_AUDITOR).toString());
    }
}
