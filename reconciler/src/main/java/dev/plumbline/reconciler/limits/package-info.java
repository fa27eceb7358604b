/**
 * Objects an Application may not touch, with the reason worded so a person can
 * act on them. Enforced before anything is applied.
 */
package dev.plumbline.reconciler.limits;
