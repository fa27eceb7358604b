/**
 * Why a commit deployed nothing for an Application, for its {@code CommitIgnored} condition, from the git-watcher's
 * explanation. Deciding that a commit deploys nothing is the git-watcher's.
 */
package dev.plumbline.reconciler.ignored;
