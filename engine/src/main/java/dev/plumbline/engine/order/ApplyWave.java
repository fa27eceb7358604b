package dev.plumbline.engine.order;

import dev.plumbline.events.manifest.RenderedObject;
import java.util.List;

/**
 * Objects a sync applies together, before the next wave starts.
 *
 * @param prerequisites true for the first wave of Namespaces and CustomResourceDefinitions, which comes before any
 *                      numbered wave; the reconciler waits for the CRDs to be established before the next wave
 * @param number        the sync-wave number; 0 for the prerequisites wave
 * @param objects       in apply order
 */
public record ApplyWave(boolean prerequisites, int number, List<RenderedObject> objects) {

    public ApplyWave {
        objects = List.copyOf(objects);
    }
}
