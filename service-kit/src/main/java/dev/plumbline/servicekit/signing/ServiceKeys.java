package dev.plumbline.servicekit.signing;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.KeyFileException;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.servicekit.topics.ServiceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service's signing key ({@code plumbline.signing.key-file}, a PKCS#8 PEM Ed25519 private key) and the public
 * keys it trusts each signing service by ({@code plumbline.trust.<service>-keys}, one PEM file, or two separated by
 * a comma while a key is rotated). {@code ./plumb up} generates them; in a cluster they are mounted from Secrets.
 * A service asks for what it needs when it starts, so a missing or unreadable key stops it with a sentence naming
 * the setting, never later at its first event.
 */
@ApplicationScoped
public class ServiceKeys {

    private static final String SIGNING_KEY_FILE = "plumbline.signing.key-file";

    private final ServiceSettings settings;
    private final Map<PlumblineService, TrustedKeys> trusted = new ConcurrentHashMap<>();
    private volatile SigningKey signingKey;

    ServiceKeys(ServiceSettings settings) {
        this.settings = settings;
    }

    /** The key this service signs with. */
    public SigningKey signingKey() {
        SigningKey key = signingKey;
        if (key == null) {
            Path file = settings.signing()
                    .keyFile()
                    .orElseThrow(() -> new KeyFileException("this service signs what it writes but has no signing key:"
                            + " set " + SIGNING_KEY_FILE + " (" + environmentName(SIGNING_KEY_FILE)
                            + ") to its Ed25519 private key file"));
            key = SigningKey.read(file);
            signingKey = key;
        }
        return key;
    }

    /** The public keys that verify what {@code writer} signs. */
    public TrustedKeys trustedKeys(PlumblineService writer) {
        return trusted.computeIfAbsent(writer, this::readTrustedKeys);
    }

    private TrustedKeys readTrustedKeys(PlumblineService writer) {
        String setting = "plumbline.trust." + writerName(writer) + "-keys";
        List<Path> files = configuredKeys(writer).orElse(List.of());
        if (files.isEmpty()) {
            throw new KeyFileException("no public key of the " + writerName(writer) + " is configured: set " + setting
                    + " (" + environmentName(setting) + ") to its public key file, or two files separated by a"
                    + " comma while its key is rotated");
        }
        return TrustedKeys.read(writerName(writer), files);
    }

    private Optional<List<Path>> configuredKeys(PlumblineService writer) {
        ServiceSettings.Trust trust = settings.trust();
        return switch (writer) {
            case GIT_WATCHER -> trust.gitWatcherKeys();
            case RENDERER -> trust.rendererKeys();
            case DRIFT_AUDITOR -> trust.driftAuditorKeys();
            default -> throw new IllegalArgumentException(writer + " signs nothing");
        };
    }

    private static String writerName(PlumblineService writer) {
        return writer.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
