/**
 * An emergency change in the cluster written back as a patch of the repository (a unified diff of the files of a
 * plain-YAML app; for Kustomize and Helm apps, the live value of each drifted field), so that Git and the cluster can
 * converge. It does not commit or push; the CLI or a person does.
 */
package dev.plumbline.driftauditor.patch;
