package dev.plumbline.cli.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people type it for kubectl and flux: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("([0-9]+)([smhd])");

    @Override
    public Duration convert(String text) {
        String value = text.strip();
        Matcher parts = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (parts.find() && parts.start() == end) {
            long amount = Long.parseLong(parts.group(1));
            total = total.plus(
                    switch (parts.group(2)) {
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
            end = parts.end();
        }
        if (end == 0 || end != value.length() || total.isZero()) {
            throw new TypeConversionException("'" + text + "' is not a duration such as 90s, 30m, 2h or 1h30m");
        }
        return total;
    }
}
