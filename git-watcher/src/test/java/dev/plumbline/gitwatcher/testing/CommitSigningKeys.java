package dev.plumbline.gitwatcher.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.util.encoders.Hex;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.signing.ssh.SshSignerFactory;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Keys that sign commits as a developer's would: an Ed25519 SSH key written as {@code ssh-keygen} writes it (signed
 * with by JGit, {@code gpg.format=ssh}), and an Ed25519 OpenPGP key made with Bouncy Castle, exported as
 * {@code gpg --export --armor} exports it.
 */
public final class CommitSigningKeys {

    private CommitSigningKeys() {}

    /**
     * @param privateKeyFile the private key in OpenSSH format, as JGit's {@code user.signingKey} names it
     * @param publicKeyLine  the line of its {@code .pub} file, as a Project lists it
     * @param fingerprint    as {@code ssh-keygen -l} prints it
     */
    public record SshSigningKey(Path privateKeyFile, String publicKeyLine, String fingerprint) {

        /** Signs as {@code git commit -S} with {@code gpg.format=ssh} does. */
        public Signer signer() {
            return new SshSignerFactory().create();
        }
    }

    /**
     * @param keyPair        the key that signs
     * @param armoredPublicKey its certificate, as a Project lists it
     * @param fingerprint    40 upper-case hex digits
     */
    public record OpenPgpSigningKey(PGPKeyPair keyPair, String armoredPublicKey, String fingerprint) {

        /** Signs as {@code git commit -S} with GnuPG does: a detached, armored signature of the commit's bytes. */
        public Signer signer() {
            return new BytesSigner() {
                @Override
                byte[] sign(byte[] data) throws IOException, PGPException {
                    PGPSignatureGenerator generator = new PGPSignatureGenerator(
                            new BcPGPContentSignerBuilder(
                                    PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA256),
                            keyPair.getPublicKey());
                    generator.init(PGPSignature.BINARY_DOCUMENT, keyPair.getPrivateKey());
                    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
                    hashed.setIssuerFingerprint(false, keyPair.getPublicKey());
                    hashed.setSignatureCreationTime(false, new Date());
                    generator.setHashedSubpackets(hashed.generate());
                    generator.update(data);
                    return armored(generator.generate()::encode);
                }
            };
        }
    }

    public static SshSigningKey ssh(Path folder, String comment) {
        try {
            KeyPair keys = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            Path file = folder.resolve("id_ed25519-" + comment.replaceAll("[^a-z0-9]", "-"));
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, comment, null, out);
            }
            String line = PublicKeyEntry.toString(keys.getPublic()) + " " + comment;
            return new SshSigningKey(file, line, KeyUtils.getFingerPrint(keys.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is available with Bouncy Castle on the class path", e);
        }
    }

    public static OpenPgpSigningKey openPgp(String userId) {
        try {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            // created a minute ago, so that a signature made now is never older than its key
            Date created = new Date(System.currentTimeMillis() - 60_000);
            PGPKeyPair keyPair = new BcPGPKeyPair(
                    PublicKeyPacket.VERSION_4,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    generator.generateKeyPair(),
                    created);
            PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
            flags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(
                    PGPSignature.POSITIVE_CERTIFICATION,
                    keyPair,
                    userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                    flags.generate(),
                    null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA256),
                    null);
            String armored = new String(armored(rings.generatePublicKeyRing()::encode), StandardCharsets.US_ASCII);
            String fingerprint =
                    Hex.toHexString(keyPair.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
            return new OpenPgpSigningKey(keyPair, armored, fingerprint);
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("cannot make an OpenPGP key", e);
        }
    }

    /**
     * A signer whose signature is sound and names its key, but is made over other bytes than the commit's: as if
     * the commit had been changed after it was signed.
     */
    public static Signer tampering(Signer honest) {
        return new Signer() {
            @Override
            public GpgSignature sign(
                    Repository repository,
                    GpgConfig config,
                    byte[] data,
                    PersonIdent committer,
                    String signingKey,
                    CredentialsProvider credentials)
                    throws CanceledException, IOException, UnsupportedSigningFormatException {
                byte[] other = Arrays.copyOf(data, data.length + 1);
                other[data.length] = '\n';
                return honest.sign(repository, config, other, committer, signingKey, credentials);
            }

            @Override
            public boolean canLocateSigningKey(
                    Repository repository,
                    GpgConfig config,
                    PersonIdent committer,
                    String signingKey,
                    CredentialsProvider credentials)
                    throws CanceledException {
                return honest.canLocateSigningKey(repository, config, committer, signingKey, credentials);
            }
        };
    }

    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    private static byte[] armored(Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(bytes)) {
            encoder.encode(armor);
        }
        return bytes.toByteArray();
    }

    /** A JGit signer over a function of the bytes to sign. */
    private abstract static class BytesSigner implements Signer {

        abstract byte[] sign(byte[] data) throws IOException, PGPException;

        @Override
        public GpgSignature sign(
                Repository repository,
                GpgConfig config,
                byte[] data,
                PersonIdent committer,
                String signingKey,
                CredentialsProvider credentials)
                throws IOException {
            try {
                return new GpgSignature(sign(data));
            } catch (PGPException e) {
                throw new IOException("cannot sign", e);
            }
        }

        @Override
        public boolean canLocateSigningKey(
                Repository repository,
                GpgConfig config,
                PersonIdent committer,
                String signingKey,
                CredentialsProvider credentials) {
            return true;
        }
    }
}
