/**
 * A commit's tarball from the git-watcher: downloaded, checked against its sha256, and extracted without any entry
 * reaching outside the target folder. Choosing and running a renderer is {@code render}'s.
 */
package dev.plumbline.renderer.artifact;
