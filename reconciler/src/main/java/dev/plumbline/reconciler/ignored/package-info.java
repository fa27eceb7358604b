/**
 * Why a commit deployed nothing for an Application: ignored (its {@code CommitIgnored} condition, from the
 * git-watcher's explanation), or refused because its project requires signed commits (its {@code UnsignedCommit}
 * condition, from the git-watcher's refusal). Deciding either is the git-watcher's.
 */
package dev.plumbline.reconciler.ignored;
