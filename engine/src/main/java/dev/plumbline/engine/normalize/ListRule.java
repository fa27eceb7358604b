package dev.plumbline.engine.normalize;

import java.util.List;

/**
 * How a list is compared.
 *
 * @param mode      keyed, contains or atomic
 * @param keyFields the merge key of a keyed list, e.g. {@code [name]} or {@code [containerPort, protocol]}
 */
public record ListRule(Mode mode, List<String> keyFields) {

    public enum Mode {
        /**
         * Elements are matched by merge key, in any order. Each desired element is compared field by field (what
         * it specifies); an element only live (gained) or only desired is a difference.
         */
        KEYED,
        /** A set of plain values where others may add (finalizers): each desired value must be present live. */
        CONTAINS,
        /** The list is one value: same length, elements compared in order. */
        ATOMIC
    }

    public static final ListRule ATOMIC = new ListRule(Mode.ATOMIC, List.of());
    public static final ListRule CONTAINS = new ListRule(Mode.CONTAINS, List.of());

    public static ListRule keyed(String... keyFields) {
        return new ListRule(Mode.KEYED, List.of(keyFields));
    }
}
