package dev.plumbline.imageupdater.host;

import java.util.List;
import java.util.Map;

/** The users whose last decisive review is an approval. */
final class Approvals {

    private Approvals() {}

    static List<String> approved(Map<String, String> lastStateByUser, String approvedState) {
        return lastStateByUser.entrySet().stream()
                .filter(entry -> approvedState.equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
