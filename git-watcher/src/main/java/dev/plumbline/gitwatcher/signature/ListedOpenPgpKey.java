package dev.plumbline.gitwatcher.signature;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.util.encoders.Hex;

/**
 * An OpenPGP public key as a Project lists it: one certificate (a primary key with its user ids and subkeys) of an
 * armored block, as {@code gpg --export --armor} writes it.
 */
public record ListedOpenPgpKey(PGPPublicKeyRing ring) implements ListedKey {

    /** The fingerprint as this service writes it: upper-case hex. */
    public static String fingerprintOf(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    @Override
    public Set<String> fingerprints() {
        Set<String> fingerprints = new HashSet<>();
        ring.getPublicKeys().forEachRemaining(key -> fingerprints.add(fingerprintOf(key)));
        return fingerprints;
    }

    @Override
    public Optional<String> owner(String fingerprint) {
        if (!fingerprints().contains(fingerprint)) {
            return Optional.empty();
        }
        Iterator<String> userIds = ring.getPublicKey().getUserIDs();
        return userIds.hasNext() ? Optional.of(userIds.next()) : Optional.empty();
    }

    /** The key of this certificate a signature names, by fingerprint or, in older signatures, by key id. */
    public Optional<PGPPublicKey> key(byte[] fingerprint, long keyId) {
        PGPPublicKey key = fingerprint != null ? ring.getPublicKey(fingerprint) : ring.getPublicKey(keyId);
        return Optional.ofNullable(key);
    }
}
