/**
 * Desired state per app from {@code plumbline.rendered-manifests}: the last good render, and the latest failure when a
 * render failed, which never empties it. Rendering is the renderer's; this only remembers what it published.
 */
package dev.plumbline.engine.desired;
