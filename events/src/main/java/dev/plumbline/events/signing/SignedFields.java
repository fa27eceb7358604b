package dev.plumbline.events.signing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a signature covers: a purpose (such as {@code plumbline.manifests-rendered.v1}) and named values, each
 * written with its length first. Lengths make the encoding unambiguous ("ab" + "c" never signs the same as "a" +
 * "bc"), and the purpose keeps a signature over one kind of event from being replayed as another.
 */
public final class SignedFields {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private SignedFields(String purpose) {
        write(purpose);
    }

    public static SignedFields of(String purpose) {
        return new SignedFields(purpose);
    }

    /** Adds a field; a null value is written as a distinct marker, never as the empty string. */
    public SignedFields with(String name, Object value) {
        write(name);
        if (value == null) {
            bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
        } else {
            write(String.valueOf(value));
        }
        return this;
    }

    public byte[] bytes() {
        return bytes.toByteArray();
    }

    private void write(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
        bytes.writeBytes(utf8);
    }
}
