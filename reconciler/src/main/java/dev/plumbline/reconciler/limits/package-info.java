/**
 * What an Application may touch (its namespaces and allowed cluster-scoped kinds), and refusals worded so a person can
 * act on them. Enforced before anything is applied.
 */
package dev.plumbline.reconciler.limits;
