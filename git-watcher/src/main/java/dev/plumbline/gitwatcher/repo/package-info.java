/**
 * One fetch of one repository with JGit: the mirror, credentials (HTTPS, SSH with known_hosts), revision resolution,
 * the refs that moved since the last announcement, and the explanation of commits that deploy nothing. It publishes
 * nothing itself; its results go out through {@code messaging}.
 */
package dev.plumbline.gitwatcher.repo;
