package dev.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit record: {@code sha256:} and the lowercase hex SHA-256 of the record's JSON without its
 * {@code hash} field, written canonically (object keys sorted, no white space, nulls left out). Because
 * {@code previousHash} is part of that JSON, each hash covers the whole trail before it.
 *
 * <p>A verifier should hash the record's JSON as stored ({@link #hash(JsonNode)}): a record written by a newer
 * Plumbline may hold fields this code does not know, and they are covered too.
 */
public final class AuditChain {

    public static final String HASH_FIELD = "hash";
    private static final String PREFIX = "sha256:";

    private AuditChain() {}

    public static String hash(AuditRecord record) {
        return hash(EventJson.tree(record));
    }

    public static String hash(JsonNode recordJson) {
        if (!(recordJson instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an audit record is a JSON object, not " + recordJson.getNodeType());
        }
        ObjectNode content = object.deepCopy();
        content.remove(HASH_FIELD);
        return PREFIX + HexFormat.of().formatHex(sha256(EventJson.canonicalBytes(content)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
