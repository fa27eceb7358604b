package dev.plumbline.driftauditor.heal;

import dev.plumbline.engine.object.ObjectKey;

/** One field of one live object, as fights are counted. */
public record FieldRef(ObjectKey object, String path) {

    @Override
    public String toString() {
        return object + " " + path;
    }
}
