/**
 * An Application's {@code ignoreDifferences}: which fields of which objects are left out of its diffs and drift.
 * Normalizing away noise that concerns every object is {@code normalize}'s, not this package's.
 */
package dev.plumbline.engine.ignore;
