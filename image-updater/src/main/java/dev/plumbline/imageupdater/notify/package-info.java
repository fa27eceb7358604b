/**
 * Registry notifications: verifies and reads one delivery from a registry (the CNCF distribution registry, Docker Hub,
 * GitHub's {@code package} events for GHCR, Harbor, Quay) into the images it says were pushed. A notification is a
 * nudge only; the registry's API is asked what the tag holds before anything is proposed.
 */
package dev.plumbline.imageupdater.notify;
