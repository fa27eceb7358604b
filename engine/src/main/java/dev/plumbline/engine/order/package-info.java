/**
 * The order a sync applies objects in: prerequisites (Namespaces, CRDs) first, then sync waves, then kinds in Helm's
 * install order. Applying is the reconciler's; this only sorts.
 */
package dev.plumbline.engine.order;
