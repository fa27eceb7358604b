package dev.plumbline.events.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest of a rendered object set, computed in one place: the renderer writes it and every reader recomputes it
 * from the objects it received, so a digest (and the signature over it) cannot be kept while the objects are swapped.
 */
public final class ObjectSetDigest {

    /** Sorted keys, so the digest does not depend on the order fields were written in. */
    private static final ObjectMapper CANONICAL =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private ObjectSetDigest() {}

    /** {@code sha256:<hex>} over each object's identity and canonical body, in order. */
    public static String of(List<RenderedObject> objects) {
        MessageDigest sha256 = sha256();
        try {
            for (RenderedObject object : objects) {
                sha256.update(object.identity().toString().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(CANONICAL.writeValueAsBytes(object.body()));
                sha256.update((byte) 0);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed object always serializes", e);
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
