package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a sync may prune.
 *
 * @param notInGit  live objects the app owns that its desired state no longer has, in prune order: its diff shows
 *                  them as deletions whether or not they may be pruned
 * @param toPrune   those a sync with pruning on may delete, in prune order: all of {@code notInGit}, or none when
 *                  the render was empty and empty renders are not allowed
 * @param withheldBecauseEmpty true when {@code toPrune} is empty only because the render was empty: a render that
 *                  lost everything (a wrong path, a broken chart) must not delete an app; the reconciler says so
 * @param unproven  live objects Git does not have whose label and app annotation name the app but whose tracking id
 *                  does not prove the app created them: never pruned, reported
 */
public record PrunePlan(
        List<JsonNode> notInGit, List<JsonNode> toPrune, boolean withheldBecauseEmpty, List<Unproven> unproven) {

    public PrunePlan {
        notInGit = List.copyOf(notInGit);
        toPrune = List.copyOf(toPrune);
        unproven = List.copyOf(unproven);
    }

    /** The same plan, pruning only {@code kept} of what it would prune. */
    public PrunePlan pruningOnly(List<JsonNode> kept) {
        return new PrunePlan(notInGit, kept, withheldBecauseEmpty, unproven);
    }
}
