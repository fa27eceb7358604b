package dev.plumbline.sandbox.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Kubernetes accepts as a label key (a qualified name: an optional DNS subdomain prefix and {@code /}, then a
 * name of at most 63 characters) and as a label value, with the reasons its validation gives for refusing one.
 */
final class LabelSyntax {

    private static final int NAME_MAX = 63;
    private static final int PREFIX_MAX = 253;
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start "
            + "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
            + "validation is '" + NAME.pattern() + "')";

    private LabelSyntax() {}

    /** Why the key is not a valid label key; empty when it is. */
    static List<String> keyProblems(String key) {
        List<String> problems = new ArrayList<>();
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            problems.add("a qualified name " + NAME_RULE
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        String name = parts[parts.length - 1];
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else if (prefix.length() > PREFIX_MAX) {
                problems.add("prefix part must be no more than " + PREFIX_MAX + " characters");
            } else if (!SUBDOMAIN.matcher(prefix).matches()) {
                problems.add("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                        + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'example.com', regex used for validation is '" + SUBDOMAIN.pattern() + "')");
            }
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else if (name.length() > NAME_MAX) {
            problems.add("name part must be no more than " + NAME_MAX + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            problems.add("name part " + NAME_RULE);
        }
        return problems;
    }

    /** Why the value is not a valid label value; empty when it is (the empty string is one). */
    static List<String> valueProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > NAME_MAX) {
            problems.add("must be no more than " + NAME_MAX + " characters");
        }
        if (!VALUE.matcher(value).matches()) {
            problems.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
                    + "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
                    + "or '12345', regex used for validation is '" + VALUE.pattern() + "')");
        }
        return problems;
    }
}
