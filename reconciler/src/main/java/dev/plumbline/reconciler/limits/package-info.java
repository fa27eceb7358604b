/**
 * What an Application's project lets it touch: objects it may not apply or delete, and a repository it may not
 * deploy from, each with the reason worded so a person can act on it. Enforced before anything is applied or pruned.
 */
package dev.plumbline.reconciler.limits;
