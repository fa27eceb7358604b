/**
 * Masking of Secret values in diffs and drift, keeping visible whether and which values differ. Every event that may
 * carry a Secret field is masked here, before it leaves the engine.
 */
package dev.plumbline.engine.mask;
