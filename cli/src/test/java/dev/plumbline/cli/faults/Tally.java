package dev.plumbline.cli.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one row lost and duplicated, by kind, with the evidence of each, for the table and for a bug report. */
final class Tally {

    private final Map<String, Integer> lost = new LinkedHashMap<>();
    private final Map<String, Integer> duplicated = new LinkedHashMap<>();
    private final List<String> evidence = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void lost(String kind, int count, Object evidence) {
        add(lost, kind, count, evidence);
    }

    void duplicated(String kind, int count, Object evidence) {
        add(duplicated, kind, count, evidence);
    }

    /** Something worth knowing about the row that is neither lost nor duplicated: what it saw. */
    void note(String line) {
        notes.add(line);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private void add(Map<String, Integer> counts, String kind, int count, Object what) {
        if (count > 0) {
            counts.merge(kind, count, Integer::sum);
            evidence.add(kind + ": " + abbreviated(String.valueOf(what)));
        }
    }

    int lostCount() {
        return lost.values().stream().mapToInt(Integer::intValue).sum();
    }

    int duplicatedCount() {
        return duplicated.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code 0}, or the total and its kinds: {@code 3 (2 notifications, 1 apply)}. */
    String lostCell() {
        return cell(lost);
    }

    String duplicatedCell() {
        return cell(duplicated);
    }

    List<String> evidence() {
        return List.copyOf(evidence);
    }

    private static String cell(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " ("
                + counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")) + ")";
    }

    private static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
