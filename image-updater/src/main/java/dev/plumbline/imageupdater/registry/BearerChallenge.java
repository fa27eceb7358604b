package dev.plumbline.imageupdater.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} challenge as registries send it: {@code Bearer realm="..",service="..",scope=".."}
 * (token auth: ask the realm for a token) or {@code Basic realm=".."} (send the password with each request).
 */
record BearerChallenge(String scheme, Map<String, String> parameters) {

    private static final Pattern PARAMETER =
            Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    /** Empty when the header is missing or names no scheme. */
    static Optional<BearerChallenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (space > 0) {
            Matcher matcher = PARAMETER.matcher(text.substring(space + 1));
            while (matcher.find()) {
                String value =
                        matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
                parameters.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), value);
            }
        }
        return Optional.of(new BearerChallenge(scheme, parameters));
    }

    boolean bearer() {
        return scheme.equals("bearer");
    }

    boolean basic() {
        return scheme.equals("basic");
    }

    String realm() {
        return parameters.get("realm");
    }

    String service() {
        return parameters.get("service");
    }

    String scope() {
        return parameters.get("scope");
    }
}
