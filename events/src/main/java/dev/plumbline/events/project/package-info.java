/**
 * What an administrator grants a team: the repositories its Applications may deploy from, the namespaces and kinds
 * they may touch, the ServiceAccount the reconciler acts as, and the keys their commits must be signed with. The
 * reconciler reads each {@code Project} and sends the one an Application names with that Application's spec, so
 * every service judges by the same rules.
 */
package dev.plumbline.events.project;
