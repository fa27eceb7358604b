package dev.plumbline.renderer.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One object as a renderer produced it, before the output is normalized.
 *
 * @param body       the object
 * @param sourcePath the repository file that holds it, for plain manifests; null where no single file does
 * @param origin     where it came from, for messages: the file and line, or a Helm template name; never null
 * @param line       the line its document starts on in {@code sourcePath}; null when unknown
 */
public record SourceObject(ObjectNode body, String sourcePath, String origin, Integer line) {

    public SourceObject {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(origin, "origin");
    }
}
