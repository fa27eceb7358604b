package dev.plumbline.cli.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the env file {@code plumb up} writes ({@code .plumbline/run/env}): one {@code export NAME='value'} a line,
 * values single-quoted with an embedded quote written as {@code '"'"'}, as a shell reads them. Other lines (the
 * heading comment) are skipped.
 */
final class EnvFile {

    private static final Pattern EXPORT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    private EnvFile() {}

    /** The settings in the file, or none when there is no file (Plumbline was never started here). */
    static Map<String, String> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return Map.of();
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static Map<String, String> parse(String content) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            Matcher export = EXPORT.matcher(line);
            if (!line.strip().startsWith("#") && export.matches()) {
                settings.put(export.group(1), unquote(export.group(2).strip()));
            }
        }
        return settings;
    }

    /** Joins the quoted and bare pieces of a shell word: {@code 'it'"'"'s'} is {@code it's}. */
    private static String unquote(String word) {
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '\'' || c == '"') {
                int end = word.indexOf(c, i + 1);
                if (end < 0) {
                    end = word.length();
                }
                value.append(word, i + 1, end);
                i = end + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        return value.toString();
    }
}
