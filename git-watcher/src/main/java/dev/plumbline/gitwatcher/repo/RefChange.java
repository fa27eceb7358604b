package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.vocabulary.RefUpdateKind;
import java.util.Set;

/**
 * One commit event to publish for a watched ref.
 *
 * @param ref          full ref name, or the SHA of a pinned commit
 * @param before       the commit announced before; null on first sight
 * @param after        the commit now; null when the ref was deleted
 * @param kind         initial, fast-forward, forced or deleted
 * @param apps         the Applications watching the ref
 * @param watchStarted the ref did not move: new Applications began to watch it, so they are told where it is
 */
public record RefChange(
        String ref, String before, String after, RefUpdateKind kind, Set<String> apps, boolean watchStarted) {

    public RefChange {
        apps = Set.copyOf(apps);
    }
}
