/**
 * Judging an Application by its project: may it fetch this repository, touch this object, deploy this commit, and
 * as whom does the reconciler act. Every service asks the same questions here, so a refusal reads the same
 * wherever it is made.
 */
package dev.plumbline.engine.project;
