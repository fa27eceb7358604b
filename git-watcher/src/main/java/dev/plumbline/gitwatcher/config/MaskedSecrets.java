package dev.plumbline.gitwatcher.config;

import dev.plumbline.gitwatcher.webhook.SecretSource;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every secret the settings name, as it is now: repository passwords and SSH key passphrases, the webhook secrets
 * and GitLab's token, each given as a value, as a file, or both (the value is used, but the file holds a secret all
 * the same). Files are read at each call, so that a rotated secret is masked with its new value; a file that cannot
 * be read is left out (the fetch or the delivery that needs it says so).
 */
final class MaskedSecrets {

    private MaskedSecrets() {}

    static List<String> of(GitWatcherConfig config) {
        List<String> values = new ArrayList<>();
        for (SecretSource source : WebhookSettings.all(config.webhook())) {
            add(values, source.value(), source.file());
        }
        config.credentials().values().forEach(c -> {
            add(values, c.password(), c.passwordFile());
            add(values, c.sshKeyPassphrase(), c.sshKeyPassphraseFile());
        });
        return values;
    }

    private static void add(List<String> values, Optional<String> value, Optional<Path> file) {
        value.filter(v -> !v.isBlank()).ifPresent(values::add);
        try {
            new SecretSource("", Optional.empty(), file).read().ifPresent(values::add);
        } catch (UncheckedIOException unreadable) {
            // nothing read, nothing to mask
        }
    }
}
