/**
 * Writing to a config repository with JGit over HTTP(S) and the repository's write credential: a fresh checkout of
 * a branch in a work folder of its own, a commit of the edited files, and a push, either forced to a promotion
 * branch or as a fast-forward of the target branch (re-done on a fresh checkout when the branch moved meanwhile).
 * The credential never appears in a message or a log line.
 */
package dev.plumbline.imageupdater.gitwrite;
