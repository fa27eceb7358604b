package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 0.5}, {@code 1Gi}, {@code 1024Mi}, {@code 1e3}) read as an
 * exact number, so that two spellings of one amount compare equal, as the API server's canonical form would make them.
 */
public final class Quantity {

    private static final Pattern FORM =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", KI),
            Map.entry("Mi", KI.pow(2)),
            Map.entry("Gi", KI.pow(3)),
            Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)),
            Map.entry("Ei", KI.pow(6)),
            Map.entry("n", BigDecimal.ONE.movePointLeft(9)),
            Map.entry("u", BigDecimal.ONE.movePointLeft(6)),
            Map.entry("m", BigDecimal.ONE.movePointLeft(3)),
            Map.entry("k", THOUSAND),
            Map.entry("M", THOUSAND.pow(2)),
            Map.entry("G", THOUSAND.pow(3)),
            Map.entry("T", THOUSAND.pow(4)),
            Map.entry("P", THOUSAND.pow(5)),
            Map.entry("E", THOUSAND.pow(6)));

    private Quantity() {}

    /** The amount, or empty when the value is not a quantity. */
    public static Optional<BigDecimal> amount(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(value.asText().trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2);
        if (suffix == null) {
            return Optional.of(number);
        }
        if (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') {
            return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
        }
        return Optional.of(number.multiply(SUFFIXES.get(suffix)));
    }

    /** Whether both values are quantities of the same amount. */
    public static boolean sameAmount(JsonNode a, JsonNode b) {
        Optional<BigDecimal> left = amount(a);
        Optional<BigDecimal> right = amount(b);
        return left.isPresent() && right.isPresent() && left.get().compareTo(right.get()) == 0;
    }
}
