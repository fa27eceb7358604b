package dev.plumbline.events.signing;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** The private key a service signs its events with. */
public final class SigningKey {

    private final PrivateKey key;

    private SigningKey(PrivateKey key) {
        this.key = key;
    }

    /** Reads a PKCS#8 PEM Ed25519 private key; a {@link KeyFileException} names the file and the problem. */
    public static SigningKey read(Path privateKeyFile) {
        return new SigningKey(KeyFiles.readPrivateKey(privateKeyFile));
    }

    /** The signature over {@code fields}, base64-encoded (Ed25519 signatures are deterministic: same key, same text). */
    public String sign(SignedFields fields) {
        try {
            Signature signature = Signature.getInstance(KeyFiles.ALGORITHM);
            signature.initSign(key);
            signature.update(fields.bytes());
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
