package dev.plumbline.events.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in the files every tool reads: the private key as PKCS#8 PEM ({@code openssl genpkey -algorithm
 * ed25519} writes the same), the public key as X.509 SubjectPublicKeyInfo PEM ({@code openssl pkey -pubout}).
 */
public final class KeyFiles {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private KeyFiles() {}

    /**
     * Creates a new key pair: the private key readable by its owner only (on file systems that have POSIX
     * permissions), the public key readable by all. Refuses to overwrite either file.
     */
    public static void generate(Path privateKeyFile, Path publicKeyFile) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys (it needs Java 15 or later)", e);
        }
        writeOwnerOnly(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        write(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(decode(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file + " is not an Ed25519 private key: " + e.getMessage()
                    + ". Make one with `openssl genpkey -algorithm ed25519`.");
        }
    }

    static PublicKey readPublicKey(Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file + " is not an Ed25519 public key: " + e.getMessage()
                    + ". Derive it from the private key with `openssl pkey -pubout`.");
        }
    }

    private static byte[] decode(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyFileException("cannot read the key file " + file + ": " + e.getMessage());
        }
        Matcher block = PEM.matcher(text);
        if (!block.find() || !block.group(1).equals(label)) {
            throw new KeyFileException(file + " holds no PEM block \"" + label + "\"");
        }
        return Base64.getMimeDecoder().decode(block.group(2));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException("will not overwrite the existing key file " + file);
        } catch (IOException e) {
            throw new KeyFileException("cannot write the key file " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException("will not overwrite the existing key file " + file);
        } catch (IOException e) {
            throw new KeyFileException("cannot write the key file " + file + ": " + e.getMessage());
        }
    }
}
