/**
 * Reads an OCI registry over the distribution API: a repository's tags, and what one tag holds (digest, creation time,
 * the source revision and URL of its OCI labels/annotations). Plain classes on {@code java.net.http}: the registry is
 * the truth about images, every notification only a nudge to ask it.
 */
package dev.plumbline.imageupdater.registry;
