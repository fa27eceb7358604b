/**
 * An OCI registry for tests and one-machine runs: Debian's {@code docker-registry} (the CNCF distribution registry)
 * on loopback with filesystem storage and an optional notification endpoint, and {@link
 * dev.plumbline.sandbox.registry.ImagePusher}, which pushes small images to it with jib-core, without a Docker engine.
 */
package dev.plumbline.sandbox.registry;
