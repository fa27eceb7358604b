/**
 * The live side: fabric8 informers on every kind an app manages, tracked objects only, kept in a cache indexed by
 * identity and app. It compares nothing; the rules in {@code drift} read it.
 */
package dev.plumbline.driftauditor.watch;
