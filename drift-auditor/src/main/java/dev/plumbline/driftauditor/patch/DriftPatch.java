package dev.plumbline.driftauditor.patch;

import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.vocabulary.RendererKind;
import java.util.List;

/**
 * What would make Git match live.
 *
 * @param diff    for a plain-YAML app, a unified diff of its repository files (empty when nothing drifted); null for
 *                Kustomize and Helm apps, whose files do not hold the objects as rendered
 * @param objects the drifted objects with each field's live value, for every kind of app
 * @param notes   what the diff could not say (masked Secret values, orphans Git never had, objects without a file)
 */
public record DriftPatch(
        String app,
        RendererKind renderer,
        String revision,
        String diff,
        List<DriftedObject> objects,
        List<String> notes) {}
