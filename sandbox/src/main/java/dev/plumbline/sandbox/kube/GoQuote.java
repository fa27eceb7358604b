package dev.plumbline.sandbox.kube;

/** A string quoted as Go's {@code %q} quotes it, which is how Kubernetes quotes names in its messages. */
final class GoQuote {

    private GoQuote() {}

    static String of(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(point -> {
            switch (point) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (point < 0x20 || point == 0x7f) {
                        quoted.append(String.format("\\x%02x", point));
                    } else {
                        quoted.appendCodePoint(point);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
