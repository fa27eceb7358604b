package dev.plumbline.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.application.SourceSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of everything in an Application spec that decides what its render holds: the whole source (repository,
 * target revision, path, forced renderer, Helm, Kustomize and directory options) and the destination namespace the
 * renderer fills into objects. Written as canonical JSON (keys sorted, absent values left out), so equal sources
 * digest alike however they were written, and an option added to {@link SourceSpec} later is covered without a
 * change here.
 */
final class SourceDigest {

    /** Names what the digest is of, so it cannot be taken for a digest of anything else. */
    private static final String PURPOSE = "plumbline.source-digest.v1";

    private SourceDigest() {}

    /** {@code sha256:<hex>} of the source and destination namespace. */
    static String of(SourceSpec source, String destinationNamespace) {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("purpose", PURPOSE);
        canonical.set("source", EventJson.valueTree(source));
        canonical.put("destinationNamespace", destinationNamespace);
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(EventJson.canonicalBytes(canonical)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
