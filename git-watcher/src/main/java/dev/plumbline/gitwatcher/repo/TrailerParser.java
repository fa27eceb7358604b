package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.git.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the trailers of a commit message ({@code Reviewed-by:}, {@code Signed-off-by:}, {@code Co-authored-by:}…)
 * as {@code git interpret-trailers} finds them: in the last paragraph, which is not the subject, where every line is a
 * {@code Key: value} trailer or an indented continuation of the one above. A last paragraph with prose in it holds
 * no trailers, so a sentence such as "Note: see below" is not taken for one.
 */
public final class TrailerParser {

    private static final Pattern TRAILER = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s?(.*)$");

    private TrailerParser() {}

    public static List<Trailer> parse(String message) {
        if (message == null) {
            return List.of();
        }
        List<String> paragraph = lastParagraph(message.replace("\r\n", "\n"));
        List<Trailer> trailers = new ArrayList<>();
        for (String line : paragraph) {
            if (!trailers.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                Trailer last = trailers.remove(trailers.size() - 1);
                trailers.add(new Trailer(last.key(), last.value() + " " + line.strip()));
                continue;
            }
            Matcher m = TRAILER.matcher(line);
            if (!m.matches()) {
                return List.of();
            }
            trailers.add(new Trailer(m.group(1), m.group(2).strip()));
        }
        return trailers;
    }

    /** The lines of the last paragraph, or none when the message is one paragraph (its subject is never a trailer). */
    private static List<String> lastParagraph(String message) {
        List<String> lines = new ArrayList<>(List.of(message.strip().split("\n", -1)));
        List<String> paragraph = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                return i == 0 ? List.of() : paragraph;
            }
            if (line.startsWith("#")) {
                continue;
            }
            paragraph.add(0, line);
        }
        return List.of();
    }
}
