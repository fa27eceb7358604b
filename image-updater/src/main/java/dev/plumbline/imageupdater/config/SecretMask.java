package dev.plumbline.imageupdater.config;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Masks every configured secret, and any user and password in URLs, in text about to be logged, published or shown:
 * a Git or HTTP error message may quote a URL with its credentials, or a response body that echoes a token.
 */
public final class SecretMask {

    private static final String MASK = "****";

    private final Supplier<List<String>> secrets;

    public SecretMask(Supplier<List<String>> secrets) {
        this.secrets = secrets;
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(?<=//)[^/@\\s]+@", MASK + "@");
        // longest first, so a secret that contains another is masked whole
        for (String secret : secrets.get().stream()
                .filter(s -> s != null && s.length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
