package dev.plumbline.gitwatcher.signature;

import java.util.Optional;
import java.util.Set;

/** A public key a Project lists in {@code signatureKeys}, read. */
public sealed interface ListedKey permits ListedSshKey, ListedOpenPgpKey {

    /**
     * The fingerprints a signature by this key may name: {@code SHA256:...} for SSH; for OpenPGP the primary key's
     * and each subkey's, 40 upper-case hex digits.
     */
    Set<String> fingerprints();

    /** Whom the key with this fingerprint belongs to, as the Project wrote it: an SSH comment, an OpenPGP user id. */
    Optional<String> owner(String fingerprint);
}
