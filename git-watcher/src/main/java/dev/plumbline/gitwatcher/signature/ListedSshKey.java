package dev.plumbline.gitwatcher.signature;

import java.util.Optional;
import java.util.Set;

/**
 * An SSH public key as a Project lists it ({@code ssh-ed25519 AAAA... ana@laptop}).
 *
 * @param keyEntry    the key type and base64 data, as an allowed-signers file names it
 * @param fingerprint {@code SHA256:...}, as {@code ssh-keygen -l} prints it
 * @param comment     the text after the key; empty when there is none
 */
public record ListedSshKey(String keyEntry, String fingerprint, String comment) implements ListedKey {

    @Override
    public Set<String> fingerprints() {
        return Set.of(fingerprint);
    }

    @Override
    public Optional<String> owner(String keyFingerprint) {
        return fingerprint.equals(keyFingerprint) && !comment.isEmpty() ? Optional.of(comment) : Optional.empty();
    }
}
