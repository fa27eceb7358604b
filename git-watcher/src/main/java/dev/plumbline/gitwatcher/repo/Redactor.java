package dev.plumbline.gitwatcher.repo;

import java.util.List;

/**
 * Masks secrets in text that came from elsewhere (a JGit error can quote a URL with a user and password in it)
 * before it is logged or shown in {@code /api/repos}.
 */
public final class Redactor {

    private static final String MASK = "****";

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        this.secrets =
                secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = text.replaceAll("(://)[^/@\\s]+@", "$1" + MASK + "@");
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
