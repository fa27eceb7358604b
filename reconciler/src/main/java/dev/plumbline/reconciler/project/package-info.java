/**
 * The Project custom resource (the CRD is generated from these classes at build time), its reading into the
 * {@link dev.plumbline.events.project.ProjectPolicy} that travels with each Application's spec, and the watch that
 * keeps the policies current. Judging an Application by its project is {@code engine.project}'s; acting on the
 * verdicts is {@code reconcile}'s.
 */
package dev.plumbline.reconciler.project;
