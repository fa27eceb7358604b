package dev.plumbline.cli.faults;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The problems {@code plumb audit verify} names, each as "app-09 record #64 (gap)", to tell new ones from old. */
final class AuditProblems {

    private static final Pattern PROBLEM = Pattern.compile("(app-\\d+ record #\\d+ \\([^)]+\\))");

    private AuditProblems() {}

    static Set<String> in(String verifyOutput) {
        Matcher matcher = PROBLEM.matcher(verifyOutput);
        return matcher.results().map(result -> result.group(1)).collect(Collectors.toSet());
    }
}
