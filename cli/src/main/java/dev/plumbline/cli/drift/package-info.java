/**
 * {@code plumb drift export}: the drift-auditor's patch of an app, printed or applied to a working copy to commit.
 * Computing the patch is the drift-auditor's.
 */
package dev.plumbline.cli.drift;
