package dev.plumbline.engine.project;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob as Projects write them: {@code *} matches any run of characters except {@code /} and {@code @}, {@code ?}
 * one such character, {@code **} any run at all; everything else stands for itself. Keeping {@code *} out of {@code /}
 * and {@code @} means {@code https://git.acme.com/team-a/*} names the repositories of one folder on one host, and
 * {@code http://127.0.0.1:*}{@code /team-a.git} one host whatever its port: neither matches
 * {@code http://127.0.0.1:1@evil.example/team-a.git}, whose host is evil.example.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text) {
        this.text = text;
        this.pattern = Pattern.compile(toRegex(text));
    }

    public static Glob of(String text) {
        return new Glob(Objects.requireNonNull(text, "glob"));
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/@]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/@]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
