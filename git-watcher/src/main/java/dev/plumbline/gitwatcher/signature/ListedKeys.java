package dev.plumbline.gitwatcher.signature;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The readable keys of one Project's {@code signatureKeys}, or of several Projects' together. */
public record ListedKeys(List<ListedKey> keys) {

    public ListedKeys {
        keys = List.copyOf(keys);
    }

    public static ListedKeys union(Collection<ListedKeys> sets) {
        List<ListedKey> all = new ArrayList<>();
        sets.forEach(
                set -> set.keys().stream().filter(key -> !all.contains(key)).forEach(all::add));
        return new ListedKeys(all);
    }

    public int size() {
        return keys.size();
    }

    /** Whether one of these keys has this fingerprint. */
    public boolean lists(String fingerprint) {
        return fingerprint != null
                && keys.stream().anyMatch(key -> key.fingerprints().contains(fingerprint));
    }

    /** Whom the key with this fingerprint belongs to, as a Project wrote it. */
    public Optional<String> owner(String fingerprint) {
        return keys.stream()
                .map(key -> key.owner(fingerprint))
                .flatMap(Optional::stream)
                .findFirst();
    }

    public List<ListedSshKey> ssh() {
        return keys.stream()
                .filter(ListedSshKey.class::isInstance)
                .map(ListedSshKey.class::cast)
                .toList();
    }

    public List<ListedOpenPgpKey> openPgp() {
        return keys.stream()
                .filter(ListedOpenPgpKey.class::isInstance)
                .map(ListedOpenPgpKey.class::cast)
                .toList();
    }
}
