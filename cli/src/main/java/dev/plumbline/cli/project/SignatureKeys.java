package dev.plumbline.cli.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A Project's signature keys as people recognise them: {@code SSH key SHA256:… (ana@example.com)}, as
 * {@code ssh-keygen -l} prints it, and {@code OpenPGP key 0123…CDEF (Ana <ana@example.com>)}, the fingerprint
 * {@code gpg --fingerprint} prints and the key's first user id. A key that cannot be read says so, never fails.
 */
final class SignatureKeys {

    private static final String ARMOR_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String ARMOR_END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final int PUBLIC_KEY_PACKET = 6;
    private static final int USER_ID_PACKET = 13;

    private SignatureKeys() {}

    static String describe(String key) {
        String text = key == null ? "" : key.strip();
        try {
            if (text.startsWith(ARMOR_BEGIN)) {
                return openPgp(text);
            }
            return ssh(text);
        } catch (IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            String start = text.length() > 24 ? text.substring(0, 24) + "…" : text;
            return "unreadable key \"" + start.replace('\n', ' ') + "\" (" + unreadable.getMessage()
                    + "): neither an SSH public key line nor an ASCII-armored OpenPGP public key";
        }
    }

    private static String ssh(String line) {
        String[] fields = line.split("\\s+", 3);
        if (fields.length < 2 || !fields[0].matches("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+")) {
            throw new IllegalArgumentException("no key type such as ssh-ed25519 first");
        }
        byte[] blob = Base64.getDecoder().decode(fields[1]);
        String fingerprint = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
        String comment = fields.length == 3 && !fields[2].isBlank() ? " (" + fields[2].strip() + ")" : "";
        return "SSH key " + fingerprint + comment;
    }

    private static String openPgp(String armored) {
        byte[] packets = dearmor(armored);
        String fingerprint = null;
        String userId = null;
        int at = 0;
        while (at < packets.length && (fingerprint == null || userId == null)) {
            int header = packets[at] & 0xff;
            if ((header & 0x80) == 0) {
                throw new IllegalArgumentException("not an OpenPGP packet at byte " + at);
            }
            boolean newFormat = (header & 0x40) != 0;
            int tag = newFormat ? header & 0x3f : (header >> 2) & 0x0f;
            int[] length = newFormat ? newLength(packets, at + 1) : oldLength(packets, at + 1, header & 0x03);
            int bodyStart = length[1];
            int bodyEnd = bodyStart + length[0];
            if (bodyEnd > packets.length) {
                throw new IllegalArgumentException("a packet runs past the end of the key");
            }
            if (tag == PUBLIC_KEY_PACKET && fingerprint == null) {
                fingerprint = fingerprint(packets, bodyStart, length[0]);
            } else if (tag == USER_ID_PACKET && userId == null) {
                userId = new String(packets, bodyStart, length[0], StandardCharsets.UTF_8);
            }
            at = bodyEnd;
        }
        if (fingerprint == null) {
            throw new IllegalArgumentException("the block holds no public key");
        }
        return "OpenPGP key " + fingerprint + (userId == null ? "" : " (" + userId + ")");
    }

    /** Version 4: SHA-1 of 0x99, the two-octet length and the body; version 6: SHA-256 of 0x9B, four octets, body. */
    private static String fingerprint(byte[] packets, int start, int length) {
        int version = packets[start] & 0xff;
        byte[] hashed;
        String algorithm;
        if (version == 4) {
            hashed = new byte[3 + length];
            hashed[0] = (byte) 0x99;
            hashed[1] = (byte) (length >> 8);
            hashed[2] = (byte) length;
            System.arraycopy(packets, start, hashed, 3, length);
            algorithm = "SHA-1";
        } else if (version == 6) {
            hashed = new byte[5 + length];
            hashed[0] = (byte) 0x9b;
            for (int i = 0; i < 4; i++) {
                hashed[1 + i] = (byte) (length >> (24 - 8 * i));
            }
            System.arraycopy(packets, start, hashed, 5, length);
            algorithm = "SHA-256";
        } else {
            throw new IllegalArgumentException("an OpenPGP key of version " + version + ", not 4 or 6");
        }
        return HexFormat.of().formatHex(digest(algorithm, hashed)).toUpperCase(Locale.ROOT);
    }

    /** @return the body length and where the body starts */
    private static int[] newLength(byte[] packets, int at) {
        int first = packets[at] & 0xff;
        if (first < 192) {
            return new int[] {first, at + 1};
        }
        if (first < 224) {
            return new int[] {((first - 192) << 8) + (packets[at + 1] & 0xff) + 192, at + 2};
        }
        if (first == 255) {
            return new int[] {readInt(packets, at + 1, 4), at + 5};
        }
        throw new IllegalArgumentException("a partial-length packet, which a public key never is");
    }

    private static int[] oldLength(byte[] packets, int at, int lengthType) {
        return switch (lengthType) {
            case 0 -> new int[] {packets[at] & 0xff, at + 1};
            case 1 -> new int[] {readInt(packets, at, 2), at + 2};
            case 2 -> new int[] {readInt(packets, at, 4), at + 4};
            default -> throw new IllegalArgumentException("a packet of indeterminate length");
        };
    }

    private static int readInt(byte[] bytes, int at, int octets) {
        int value = 0;
        for (int i = 0; i < octets; i++) {
            value = (value << 8) | (bytes[at + i] & 0xff);
        }
        return value;
    }

    /** The armor's base64 body: after the header lines and the blank line, up to the checksum line. */
    private static byte[] dearmor(String armored) {
        List<String> body = new ArrayList<>();
        boolean inBody = false;
        boolean headers = true;
        for (String line : armored.lines().map(String::strip).toList()) {
            if (line.equals(ARMOR_BEGIN)) {
                inBody = true;
            } else if (line.equals(ARMOR_END)) {
                break;
            } else if (inBody && headers && (line.isEmpty() || line.contains(": "))) {
                headers = !line.isEmpty();
            } else if (inBody && line.startsWith("=") && line.length() == 5) {
                break;
            } else if (inBody) {
                headers = false;
                body.add(line);
            }
        }
        return Base64.getDecoder().decode(String.join("", body));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
