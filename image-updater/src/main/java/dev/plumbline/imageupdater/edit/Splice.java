package dev.plumbline.imageupdater.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replace the text from {@code start} (inclusive) to {@code end} (exclusive) with {@code replacement}. */
record Splice(int start, int end, String replacement) {

    /**
     * The text with every splice made. The same splice twice (one scalar reached through an alias or found by two
     * rules) is made once; overlapping different splices are a programming error.
     */
    static String apply(String text, List<Splice> splices) {
        List<Splice> ordered = new ArrayList<>(splices.stream().distinct().toList());
        ordered.sort(Comparator.comparingInt(Splice::start)
                .thenComparingInt(Splice::end)
                .reversed());
        StringBuilder result = new StringBuilder(text);
        int limit = text.length();
        for (Splice splice : ordered) {
            if (splice.end() > limit) {
                throw new IllegalStateException("overlapping edits at " + splice.start() + ".." + splice.end());
            }
            result.replace(splice.start(), splice.end(), splice.replacement());
            limit = splice.start();
        }
        return result.toString();
    }
}
