package dev.plumbline.gitwatcher.repo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free space below which no fetch starts: bytes ({@code 500M}, {@code 2G}, binary units) or a share of the
 * volume ({@code 5%}); {@code 0} turns the check off.
 *
 * @param bytes   the bytes, when given as a size
 * @param percent the share of the volume, when given as a percentage
 * @param text    as written, for messages
 */
public record DiskThreshold(long bytes, double percent, String text) {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    /** @throws IllegalArgumentException naming the setting and the forms it takes */
    public static DiskThreshold parse(String setting, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher percent = PERCENT.matcher(value);
        if (percent.matches() && Double.parseDouble(percent.group(1)) < 100) {
            return new DiskThreshold(0, Double.parseDouble(percent.group(1)), text.trim());
        }
        Matcher size = SIZE.matcher(value);
        if (size.matches()) {
            int power = size.group(2).isEmpty() ? 0 : "kmgt".indexOf(size.group(2)) + 1;
            long unit = 1L << (10 * power);
            return new DiskThreshold((long) (Double.parseDouble(size.group(1)) * unit), 0, text.trim());
        }
        throw new IllegalArgumentException(setting + " must be a size such as 500M or 2G, or a share of the volume"
                + " such as 5%, got \"" + text + "\"");
    }

    /** The free bytes required on a volume of that size. */
    public long requiredOf(long total) {
        return percent > 0 ? (long) (total * percent / 100) : bytes;
    }
}
