package dev.plumbline.imageupdater.registry;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of RFC 8288 {@code Link} headers, as the tags list paginates with them. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern NEXT =
            Pattern.compile(";\\s*rel\\s*=\\s*\"?(?:[^\";]*\\s)?next(?:\\s[^\";]*)?\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    static Optional<String> next(List<String> headers) {
        for (String header : headers) {
            Matcher matcher = LINK.matcher(header);
            while (matcher.find()) {
                if (NEXT.matcher(matcher.group(2)).find()) {
                    return Optional.of(matcher.group(1).strip());
                }
            }
        }
        return Optional.empty();
    }
}
