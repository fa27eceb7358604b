/**
 * Kubernetes objects as events name them: identities, rendered objects, per-object and per-field diffs, drifted fields
 * and the field manager a field is attributed to. Computing diffs and drift is the engine's; these records only carry
 * the results.
 */
package dev.plumbline.events.manifest;
