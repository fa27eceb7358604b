/**
 * What the git-watcher tells about commits: the commits between two positions of a ref with their authors and
 * trailers, the tarball artifact of a tree, what triggered the fetch, and the Applications watching a repository.
 * Fetching and reading Git is the git-watcher's; these are values only.
 */
package dev.plumbline.events.git;
