package dev.plumbline.gitwatcher.signature;

import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.util.encoders.Hex;

/**
 * OpenPGP signatures, checked with Bouncy Castle against the listed certificates only (JGit's OpenPGP verifier looks
 * keys up in a GnuPG home, which this service has none of, and must not trust if it had).
 */
final class OpenPgpSignatures {

    CommitSignature check(SignedCommit commit, ListedKeys trusted) {
        PGPSignature signature;
        try {
            signature = parse(commit.signature());
        } catch (IOException | PGPException | RuntimeException unreadable) {
            return bad(null, null);
        }
        if (signature == null) {
            return bad(null, null);
        }
        byte[] issuer = issuerFingerprint(signature);
        long keyId = signature.getKeyID();
        Optional<PGPPublicKey> found = trusted.openPgp().stream()
                .map(listed -> listed.key(issuer, keyId))
                .flatMap(Optional::stream)
                .findFirst();
        if (found.isEmpty()) {
            String named =
                    issuer != null ? Hex.toHexString(issuer).toUpperCase(Locale.ROOT) : String.format("%016X", keyId);
            return new CommitSignature(SignatureVerdict.UNKNOWN_KEY, SignatureFormat.OPENPGP, named, null);
        }
        PGPPublicKey key = found.get();
        String fingerprint = ListedOpenPgpKey.fingerprintOf(key);
        String owner = trusted.owner(fingerprint).orElse(null);
        if (!isDocumentSignature(signature)) {
            return bad(fingerprint, owner);
        }
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(commit.payload());
            if (signature.verify()) {
                return new CommitSignature(SignatureVerdict.GOOD, SignatureFormat.OPENPGP, fingerprint, owner);
            }
        } catch (PGPException | RuntimeException unverifiable) {
            // an algorithm or key this library cannot use verifies nothing
        }
        return bad(fingerprint, owner);
    }

    private static PGPSignature parse(byte[] armored) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            Object object = new BcPGPObjectFactory(in).nextObject();
            if (object instanceof PGPCompressedData compressed) {
                object = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (object instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            return null;
        }
    }

    /** The issuer fingerprint a signature names among its signed (hashed) subpackets; null when it names none. */
    private static byte[] issuerFingerprint(PGPSignature signature) {
        if (signature.getHashedSubPackets() == null) {
            return null;
        }
        IssuerFingerprint issuer = signature.getHashedSubPackets().getIssuerFingerprint();
        return issuer == null ? null : issuer.getFingerprint();
    }

    /** Git signs the commit's bytes: a signature of another kind (a key certification, say) is not a commit's. */
    private static boolean isDocumentSignature(PGPSignature signature) {
        int type = signature.getSignatureType();
        return type == PGPSignature.BINARY_DOCUMENT || type == PGPSignature.CANONICAL_TEXT_DOCUMENT;
    }

    private static CommitSignature bad(String fingerprint, String owner) {
        return new CommitSignature(SignatureVerdict.BAD, SignatureFormat.OPENPGP, fingerprint, owner);
    }
}
