package dev.plumbline.events.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One object an Application wants, as the renderer produced it.
 *
 * @param identity   group, version, kind, namespace and name, taken from the body
 * @param body       the whole object as JSON, tracking label and annotation included
 * @param sourcePath the repository file it came from, relative to the repository root, for plain manifests;
 *                   null for Kustomize and Helm output, where no single file holds the object. The drift-auditor
 *                   uses it to write back an emergency change as a patch of that file.
 */
public record RenderedObject(ObjectIdentity identity, ObjectNode body, String sourcePath) {

    public RenderedObject {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(body, "body");
    }
}
