package dev.plumbline.gitwatcher.repo;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Masks secrets in text that came from elsewhere (a JGit error can quote a URL with a user and password in it)
 * before it is logged or shown in {@code /api/repos}.
 */
public final class Redactor {

    private static final String MASK = "****";

    private final Supplier<? extends Collection<String>> secrets;

    public Redactor(List<String> secrets) {
        List<String> fixed = secrets.stream().filter(s -> s != null).toList();
        this.secrets = () -> fixed;
    }

    /** Secrets asked for at each use: those read from files change when the file is rotated. */
    public Redactor(Supplier<? extends Collection<String>> secrets) {
        this.secrets = secrets;
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(://)[^/@\\s]+@", "$1" + MASK + "@");
        for (String secret : secrets.get()) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
