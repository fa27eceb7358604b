/**
 * Rendering as plain classes: which Applications a commit affects, the pipeline from a folder to an ordered, tracked
 * object set, the choice of renderer, input digests and failures worded for the repository's owner. The tools
 * themselves are in the {@code plain}, {@code kustomize} and {@code helm} sub-packages.
 */
package dev.plumbline.renderer.render;
