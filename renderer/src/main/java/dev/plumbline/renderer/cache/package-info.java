/**
 * Renders cached by the digest of their inputs, bounded, least recently used first out, so that a commit that leaves
 * an Application's inputs alone costs it no render. Computing the digest is {@code render}'s.
 */
package dev.plumbline.renderer.cache;
