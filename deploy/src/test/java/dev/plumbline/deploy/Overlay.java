package dev.plumbline.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The kustomizations under deploy/ that a user applies. */
enum Overlay {
    BASE("deploy/base"),
    DEV("deploy/overlays/dev"),
    PRODUCTION("deploy/overlays/production"),
    STRIMZI("deploy/overlays/strimzi");

    private static final Map<Overlay, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String folder;

    Overlay(String folder) {
        this.folder = folder;
    }

    String folder() {
        return folder;
    }

    /** Its objects, rendered through Kustomize and parsed (once per test run). */
    Manifests render() {
        return RENDERED.computeIfAbsent(this, overlay -> Manifests.parse(Kustomize.build(Repo.path(folder))));
    }

    @Override
    public String toString() {
        return folder;
    }
}
