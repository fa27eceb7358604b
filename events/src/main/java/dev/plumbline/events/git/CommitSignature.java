package dev.plumbline.events.git;

import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import java.util.Objects;

/**
 * The signature of a commit, as the git-watcher checked it.
 *
 * @param verdict whether it verifies
 * @param format  OpenPGP, SSH or X.509; null when unsigned
 * @param key     the signing key's fingerprint ({@code SHA256:...} for SSH, 40 hex digits for OpenPGP); null when
 *                unsigned
 * @param signer  who the key belongs to (an OpenPGP user id, an SSH key's comment), when known
 */
public record CommitSignature(SignatureVerdict verdict, SignatureFormat format, String key, String signer) {

    public CommitSignature {
        Objects.requireNonNull(verdict, "verdict");
    }

    public static CommitSignature unsigned() {
        return new CommitSignature(SignatureVerdict.UNSIGNED, null, null, null);
    }

    /** For people: "SSH key SHA256:abc (alice@example.com)", "no signature". */
    public String describe() {
        if (verdict == SignatureVerdict.UNSIGNED) {
            return "no signature";
        }
        String formatText = format == SignatureFormat.OPENPGP ? "OpenPGP" : format == null ? "" : format.name();
        return formatText + " key " + key + (signer == null || signer.isBlank() ? "" : " (" + signer + ")");
    }
}
