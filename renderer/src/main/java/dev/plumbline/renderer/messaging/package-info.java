/**
 * The renderer's Kafka edge: Applications and commit events in, render outcomes out on
 * {@code plumbline.rendered-manifests} (acknowledged only once published), its own topic read back at start-up, and
 * the creation of the topics it writes. What to render and how is {@code render}'s.
 */
package dev.plumbline.renderer.messaging;
