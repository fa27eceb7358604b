package dev.plumbline.driftauditor.heal;

import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.time.Duration;

/**
 * A field Plumbline healed and another writer reverted too often: healing it stops until someone acts.
 *
 * @param object   the object
 * @param path     the contested field
 * @param opponent the writer that keeps reverting it
 * @param reverts  reverts counted within {@code window}
 */
public record Fight(
        ObjectIdentity object, String path, FieldManagerAttribution opponent, int reverts, Duration window) {}
