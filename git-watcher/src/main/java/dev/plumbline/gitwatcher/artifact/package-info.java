/**
 * The tarball of a commit's tree, built byte-for-byte reproducibly and stored on disk with its sha256, for the
 * renderer to download. Only commits this service fetched and announced are stored; serving them over HTTP is
 * {@code rest}'s.
 */
package dev.plumbline.gitwatcher.artifact;
