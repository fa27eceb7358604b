package dev.plumbline.events.signing;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * The public keys a reader accepts for one writer. More than one is accepted at once so that the writer's key can be
 * rotated without a pause: trust the new key beside the old, switch the writer, then drop the old.
 */
public final class TrustedKeys {

    /** Two keys at once cover a rotation; more would keep retired keys trusted for no reason. */
    public static final int MAX_KEYS = 2;

    private final String writer;
    private final List<PublicKey> keys;

    private TrustedKeys(String writer, List<PublicKey> keys) {
        this.writer = writer;
        this.keys = List.copyOf(keys);
    }

    /**
     * Reads the writer's public keys (X.509 PEM files).
     *
     * @param writer who signs with these keys, for messages ("renderer")
     */
    public static TrustedKeys read(String writer, List<Path> publicKeyFiles) {
        if (publicKeyFiles.isEmpty()) {
            throw new KeyFileException("no public key of the " + writer + " is configured, so nothing it signs can be"
                    + " trusted: name its public key file (one, or two during a key rotation)");
        }
        if (publicKeyFiles.size() > MAX_KEYS) {
            throw new KeyFileException(publicKeyFiles.size() + " public keys of the " + writer + " are configured; at"
                    + " most " + MAX_KEYS + " are trusted at once (the current key and the one being rotated in)");
        }
        return new TrustedKeys(
                writer, publicKeyFiles.stream().map(KeyFiles::readPublicKey).toList());
    }

    /** Whether one of the trusted keys made {@code signature} over {@code fields}. */
    public SignatureCheck check(SignedFields fields, String signature) {
        if (signature == null || signature.isBlank()) {
            return SignatureCheck.untrusted("it is not signed; the " + writer + " signs everything it writes");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return SignatureCheck.untrusted("its signature is not base64");
        }
        byte[] signed = fields.bytes();
        for (PublicKey key : keys) {
            if (verifies(key, signed, value)) {
                return SignatureCheck.TRUSTED;
            }
        }
        return SignatureCheck.untrusted("its signature was not made by the " + writer + "'s key over these contents");
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] value) {
        try {
            Signature verifier = Signature.getInstance(KeyFiles.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(value);
        } catch (GeneralSecurityException malformedSignature) {
            return false;
        }
    }
}
