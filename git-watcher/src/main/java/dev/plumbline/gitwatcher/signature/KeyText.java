package dev.plumbline.gitwatcher.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * Reads one entry of a Project's {@code signatureKeys}: an SSH public key line ({@code ssh-ed25519 AAAA...
 * comment}, as in {@code ~/.ssh/id_ed25519.pub}) or an ASCII-armored OpenPGP public key block, which may hold
 * several certificates.
 */
final class KeyText {

    private static final String PGP_PUBLIC = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String PGP_PRIVATE = "-----BEGIN PGP PRIVATE KEY BLOCK-----";

    private KeyText() {}

    /**
     * @throws IllegalArgumentException saying what is wrong with it and what to write instead
     */
    static List<ListedKey> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.contains(PGP_PRIVATE) || trimmed.contains("PRIVATE KEY-----")) {
            throw new IllegalArgumentException("it is a private key, which must never leave its owner; list the public"
                    + " key instead (gpg --export --armor KEYID, or the .pub file of an SSH key)");
        }
        if (trimmed.startsWith(PGP_PUBLIC)) {
            return openPgp(trimmed);
        }
        return List.of(ssh(trimmed));
    }

    /** The first characters of a key, enough to tell which one a message means. */
    static String abbreviated(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }

    private static List<ListedKey> openPgp(String armored) {
        List<ListedKey> keys = new ArrayList<>();
        try (InputStream in =
                PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            for (PGPPublicKeyRing ring : new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator())) {
                keys.add(new ListedOpenPgpKey(ring));
            }
        } catch (IOException | PGPException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "the OpenPGP public key block cannot be read (" + e.getMessage()
                            + "); paste the whole output of gpg --export --armor KEYID",
                    e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the OpenPGP block holds no public key");
        }
        return keys;
    }

    private static ListedKey ssh(String line) {
        String[] parts = line.split("\\s+", 3);
        if (parts.length < 2 || line.contains("\n")) {
            throw new IllegalArgumentException("it is neither an SSH public key line (TYPE BASE64 [COMMENT], as in"
                    + " ~/.ssh/id_ed25519.pub) nor an armored OpenPGP public key block (gpg --export --armor KEYID)");
        }
        String entry = parts[0] + " " + parts[1];
        PublicKey key;
        try {
            key = PublicKeyEntry.parsePublicKeyEntry(entry)
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "it is not a readable SSH public key (" + e.getMessage() + "); copy the whole line of the key's"
                            + " .pub file, e.g. ssh-ed25519 AAAA... you@laptop",
                    e);
        }
        if (key == null) {
            throw new IllegalArgumentException("SSH keys of type " + parts[0] + " are not supported");
        }
        return new ListedSshKey(entry, KeyUtils.getFingerPrint(key), parts.length == 3 ? parts[2].strip() : "");
    }
}
