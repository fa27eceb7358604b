/**
 * The drift summary of an Application's status, folded from the drift-auditor's alerts. Detecting drift is the
 * drift-auditor's; this only reports it.
 */
package dev.plumbline.reconciler.drift;
