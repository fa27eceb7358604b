package dev.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash and the signature of an audit record. The hash is {@code sha256:} and the lowercase hex SHA-256 of the
 * record's JSON without its {@code hash} and {@code signature} fields, written canonically (object keys sorted, no
 * white space, nulls left out). Because {@code previousHash} is part of that JSON, each hash covers the whole trail
 * before it. The signature is the drift-auditor's Ed25519 signature over the app, the sequence and that hash
 * ({@link #signedFields}): a record anyone else appends, with a hash that matches, still does not verify.
 *
 * <p>A verifier should hash the record's JSON as stored ({@link #hash(JsonNode)}): a record written by a newer
 * Plumbline may hold fields this code does not know, and they are covered too.
 */
public final class AuditChain {

    public static final String HASH_FIELD = "hash";
    public static final String SIGNATURE_FIELD = "signature";
    /** What an audit record's signature is for, so that no signature over other events can pass for one. */
    public static final String SIGNATURE_PURPOSE = "plumbline.audit-record.v2";

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
        content.remove(SIGNATURE_FIELD);
        return PREFIX + HexFormat.of().formatHex(sha256(EventJson.canonicalBytes(content)));
    }

    /** The bytes an audit record's signature covers: its app, its sequence and its hash, under the purpose. */
    public static SignedFields signedFields(String app, long sequence, String hash) {
        return SignedFields.of(SIGNATURE_PURPOSE)
                .with("app", app)
                .with("sequence", sequence)
                .with(HASH_FIELD, hash);
    }

    static String sign(String app, long sequence, String hash, SigningKey key) {
        return key.sign(signedFields(app, sequence, hash));
    }

    /**
     * Whether a stored record's signature was made by a trusted key over its app, sequence and stored hash. It
     * does not recompute the hash: a verifier compares {@link #hash(JsonNode)} with the stored hash as well.
     */
    public static SignatureCheck checkSignature(JsonNode recordJson, TrustedKeys keys) {
        return keys.check(
                signedFields(
                        recordJson.path("app").asText(null),
                        recordJson.path("sequence").asLong(),
                        recordJson.path(HASH_FIELD).asText(null)),
                recordJson.path(SIGNATURE_FIELD).asText(null));
    }

    /**
     * Whether a record read as an {@link AuditRecord} was signed by a trusted key; a reader that has the record as
     * an event, not as stored JSON, checks {@link AuditRecord#hashMatches()} as well.
     */
    public static SignatureCheck checkSignature(AuditRecord record, TrustedKeys keys) {
        return keys.check(signedFields(record.app(), record.sequence(), record.hash()), record.signature());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
