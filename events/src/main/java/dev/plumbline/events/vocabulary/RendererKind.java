package dev.plumbline.events.vocabulary;

/** How an Application's path is turned into objects. */
public enum RendererKind implements Term {
    /** YAML and JSON files as they are. */
    PLAIN,
    KUSTOMIZE,
    HELM
}
