package dev.plumbline.driftauditor.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code git diff} prints it ({@code --- a/path}, {@code +++ b/path}, hunks with
 * three lines of context), from a longest-common-subsequence line alignment. Manifest files are small enough for the
 * quadratic table.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff of one file; empty when the texts are equal. A null text is a file that does not exist. */
    static String of(String path, String before, String after) {
        List<String> a = before == null ? List.of() : before.lines().toList();
        List<String> b = after == null ? List.of() : after.lines().toList();
        List<int[]> edits = align(a, b);
        if (edits.stream().allMatch(edit -> edit[0] == 0)) {
            return "";
        }
        StringBuilder out = new StringBuilder("diff --git a/" + path + " b/" + path + "\n");
        out.append(before == null ? "--- /dev/null\n" : "--- a/" + path + "\n");
        out.append(after == null ? "+++ /dev/null\n" : "+++ b/" + path + "\n");
        List<Integer> changes = new ArrayList<>();
        for (int k = 0; k < edits.size(); k++) {
            if (edits.get(k)[0] != 0) {
                changes.add(k);
            }
        }
        int first = 0;
        while (first < changes.size()) {
            int last = first;
            while (last + 1 < changes.size() && changes.get(last + 1) - changes.get(last) <= 2 * CONTEXT + 1) {
                last++;
            }
            int start = Math.max(0, changes.get(first) - CONTEXT);
            int end = Math.min(edits.size(), changes.get(last) + CONTEXT + 1);
            hunk(out, a, b, edits.subList(start, end));
            first = last + 1;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<String> a, List<String> b, List<int[]> edits) {
        int aStart = edits.get(0)[1];
        int bStart = edits.get(0)[2];
        int aCount = 0;
        int bCount = 0;
        StringBuilder lines = new StringBuilder();
        for (int[] edit : edits) {
            switch (edit[0]) {
                case 0 -> {
                    lines.append(' ').append(a.get(edit[1])).append('\n');
                    aCount++;
                    bCount++;
                }
                case -1 -> {
                    lines.append('-').append(a.get(edit[1])).append('\n');
                    aCount++;
                }
                default -> {
                    lines.append('+').append(b.get(edit[2])).append('\n');
                    bCount++;
                }
            }
        }
        out.append("@@ -")
                .append(range(aStart, aCount))
                .append(" +")
                .append(range(bStart, bCount))
                .append(" @@\n")
                .append(lines);
    }

    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + "," + count;
    }

    /** Edits {kind, index in a, index in b}: 0 keep, -1 delete from a, 1 insert from b. */
    private static List<int[]> align(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new int[] {0, i++, j++});
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // removed lines first, then the lines that replace them, as git prints them
                edits.add(new int[] {-1, i++, j});
            } else {
                edits.add(new int[] {1, i, j++});
            }
        }
        return edits;
    }
}
