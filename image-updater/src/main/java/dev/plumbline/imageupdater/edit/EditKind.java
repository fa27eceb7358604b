package dev.plumbline.imageupdater.edit;

import dev.plumbline.events.vocabulary.Term;

/** Where an image reference was found, which decides how it is edited. */
public enum EditKind implements Term {
    /** An entry of a kustomization's {@code images:} list: its {@code newTag} and {@code digest}. */
    KUSTOMIZE_IMAGES,
    /** A value marked {@code # plumbline:image <repository>} (or {@code ...:tag}, {@code ...:digest}). */
    HELM_VALUES,
    /** The {@code image:} of a container or init container in a Kubernetes manifest. */
    PLAIN_MANIFEST
}
