package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.vocabulary.RefUpdateKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the watched refs after a fetch with what was last announced, and says which commit events that makes.
 * A ref that did not move and gained no Application makes none, so redeliveries and quiet polls publish nothing,
 * unless one of its Applications is to be told again.
 */
public final class RefChanges {

    /** Whether one commit descends from another; the mirror answers it. */
    @FunctionalInterface
    public interface Ancestry {
        boolean isAncestor(String ancestor, String descendant);
    }

    /**
     * A watched ref now.
     *
     * @param sha  the commit it points at; null when it is missing
     * @param apps the Applications watching it
     */
    public record Current(String sha, Set<String> apps) {}

    /**
     * @param changes  the commit events to publish, by ref
     * @param reported what to remember once they are published: refs no longer watched and deleted refs are dropped
     */
    public record Result(List<RefChange> changes, Map<String, Reported> reported) {}

    private RefChanges() {}

    /**
     * @param announceAgain Applications to tell where their refs are even though nothing moved and they were told
     *                      before: their project's judgement of the commit may have changed
     */
    public static Result between(
            Map<String, Reported> reported,
            Map<String, Current> current,
            Set<String> announceAgain,
            Ancestry ancestry) {
        List<RefChange> changes = new ArrayList<>();
        Map<String, Reported> next = new TreeMap<>();
        new TreeMap<>(current).forEach((ref, now) -> {
            Reported last = reported.get(ref);
            if (now.sha() == null) {
                if (last != null) {
                    changes.add(new RefChange(ref, last.sha(), null, RefUpdateKind.DELETED, now.apps(), false));
                }
                return;
            }
            next.put(ref, new Reported(now.sha(), now.apps()));
            if (last == null) {
                changes.add(new RefChange(ref, null, now.sha(), RefUpdateKind.INITIAL, now.apps(), false));
            } else if (!last.sha().equals(now.sha())) {
                RefUpdateKind kind =
                        ancestry.isAncestor(last.sha(), now.sha()) ? RefUpdateKind.FAST_FORWARD : RefUpdateKind.FORCED;
                changes.add(new RefChange(ref, last.sha(), now.sha(), kind, now.apps(), false));
            } else {
                Set<String> told = new HashSet<>(now.apps());
                told.removeAll(last.apps());
                now.apps().stream().filter(announceAgain::contains).forEach(told::add);
                if (!told.isEmpty()) {
                    changes.add(new RefChange(ref, null, now.sha(), RefUpdateKind.INITIAL, told, true));
                }
            }
        });
        return new Result(changes, next);
    }
}
