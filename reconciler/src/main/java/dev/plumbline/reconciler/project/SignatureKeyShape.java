package dev.plumbline.reconciler.project;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a Project's signature key looks like what it must be: an SSH public key line or an ASCII-armored OpenPGP
 * public key block. Only the shape is checked (the key type, the base64, the armor and its checksum, the first
 * packet being a public key), so that a key pasted wrong is refused where the administrator wrote it; verifying
 * signatures with it is the git-watcher's.
 */
final class SignatureKeyShape {

    private static final Set<String> SSH_TYPES = Set.of(
            "ssh-ed25519",
            "ssh-rsa",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final String PGP_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String PGP_END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final Pattern ARMOR_HEADER = Pattern.compile("[A-Za-z][A-Za-z-]*: .*");
    private static final Pattern CHECKSUM = Pattern.compile("=[A-Za-z0-9+/]{4}");
    private static final int PGP_PUBLIC_KEY_PACKET = 6;
    private static final int PGP_SECRET_KEY_PACKET = 5;
    private static final String PRIVATE_KEY = "is a private key: never put one in a Project (and replace it, since"
            + " it has been shown); give its public key, from ssh-keygen -y -f FILE or gpg --armor --export ID";

    private SignatureKeyShape() {}

    /** What is wrong with the key, as the end of a sentence; empty when it has the shape of a public key. */
    static Optional<String> problem(String key) {
        String text = key == null ? "" : key.strip();
        if (text.isEmpty()) {
            return Optional.of("is empty");
        }
        if (text.contains("PRIVATE KEY")) {
            return Optional.of(PRIVATE_KEY);
        }
        if (text.startsWith("-----BEGIN PGP")) {
            return openPgpProblem(text);
        }
        if (SSH_TYPES.contains(text.split("\\s+", 2)[0])) {
            return sshProblem(text);
        }
        return Optional.of("is neither an SSH public key line (ssh-ed25519 AAAA... comment) nor an ASCII-armored"
                + " OpenPGP public key block (" + PGP_BEGIN + " ... " + PGP_END + ")");
    }

    private static Optional<String> sshProblem(String text) {
        if (text.lines().count() > 1) {
            return Optional.of("is an SSH public key that spans several lines; write it on one line, as ssh-keygen"
                    + " prints it");
        }
        String[] parts = text.split("\\s+", 3);
        if (parts.length < 2) {
            return Optional.of("is an SSH key type without the key; write the whole line, such as ssh-ed25519"
                    + " AAAA... comment");
        }
        String type = parts[0];
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("is an SSH public key whose key part is not base64; copy the whole line again from"
                    + " the .pub file");
        }
        List<String> fields = new ArrayList<>();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(blob);
            while (buffer.hasRemaining()) {
                byte[] field = new byte[buffer.getInt()];
                buffer.get(field);
                fields.add(new String(field, StandardCharsets.ISO_8859_1));
            }
        } catch (BufferUnderflowException | NegativeArraySizeException truncated) {
            fields.clear();
        }
        if (fields.size() < 2) {
            return Optional.of("is an SSH public key whose key part is cut short; copy the whole line again from"
                    + " the .pub file");
        }
        String inside = fields.get(0);
        if (!inside.equals(type)) {
            return Optional.of("says it is a " + type + " key but holds a " + printable(inside) + " key; copy the"
                    + " whole line again from the .pub file");
        }
        return Optional.empty();
    }

    private static Optional<String> openPgpProblem(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        if (!lines.get(0).equals(PGP_BEGIN)) {
            return Optional.of("is an OpenPGP block but not a public key block (" + lines.get(0) + "); give the"
                    + " output of gpg --armor --export ID");
        }
        if (!lines.get(lines.size() - 1).equals(PGP_END)) {
            return Optional.of(
                    "is an OpenPGP public key block without its last line " + PGP_END + "; copy the whole block");
        }
        StringBuilder data = new StringBuilder();
        String checksum = null;
        List<String> body = new ArrayList<>(lines.subList(1, lines.size() - 1));
        for (String line : body) {
            if (line.isEmpty() || data.isEmpty() && ARMOR_HEADER.matcher(line).matches()) {
                continue;
            }
            if (CHECKSUM.matcher(line).matches()) {
                checksum = line.substring(1);
                continue;
            }
            data.append(line);
        }
        byte[] packets;
        try {
            packets = Base64.getDecoder().decode(data.toString());
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("is an OpenPGP public key block whose body is not base64; copy the whole block again");
        }
        if (packets.length == 0) {
            return Optional.of("is an OpenPGP public key block with nothing in it; copy the whole block again");
        }
        if (checksum != null && !checksum.equals(crc24(packets))) {
            return Optional.of("is an OpenPGP public key block whose checksum does not match its body (a line lost"
                    + " or changed); copy the whole block again");
        }
        int tag = packetTag(packets[0]);
        if (tag == PGP_SECRET_KEY_PACKET) {
            return Optional.of(PRIVATE_KEY);
        }
        if (tag != PGP_PUBLIC_KEY_PACKET) {
            return Optional.of("is an OpenPGP block that does not start with a public key; give the output of gpg"
                    + " --armor --export ID");
        }
        return Optional.empty();
    }

    /** The packet tag of an OpenPGP packet header (RFC 4880 4.2), -1 when the byte is no header. */
    private static int packetTag(byte header) {
        if ((header & 0x80) == 0) {
            return -1;
        }
        return (header & 0x40) != 0 ? header & 0x3F : (header >> 2) & 0x0F;
    }

    /** The armor checksum (RFC 4880 6.1), base64. */
    private static String crc24(byte[] data) {
        int crc = 0xB704CE;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
        }
        crc &= 0xFFFFFF;
        byte[] bytes = {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String printable(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && !text.isEmpty() ? text : "garbled";
    }
}
