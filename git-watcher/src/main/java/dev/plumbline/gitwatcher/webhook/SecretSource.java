package dev.plumbline.gitwatcher.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one webhook secret comes from: a value in the settings, or a file (a mounted Kubernetes Secret key) read at
 * each use, so that a rotated secret is used without a restart. The value wins when both are set.
 *
 * @param setting the setting's name, such as {@code plumbline.webhook.github.secret}, for messages
 */
public record SecretSource(String setting, Optional<String> value, Optional<Path> file) {

    public static final SecretSource NONE = new SecretSource("", Optional.empty(), Optional.empty());

    public static SecretSource of(String setting, String value) {
        return new SecretSource(setting, Optional.ofNullable(value), Optional.empty());
    }

    /** The secret, without the line end a file usually has; empty when neither is set or both are blank. */
    public Optional<String> read() {
        Optional<String> given = value.filter(v -> !v.isBlank());
        if (given.isPresent() || file.isEmpty()) {
            return given;
        }
        try {
            return Optional.of(
                            Files.readString(file.get(), StandardCharsets.UTF_8).strip())
                    .filter(v -> !v.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + setting + "-file " + file.get() + ": " + e.getMessage(), e);
        }
    }
}
