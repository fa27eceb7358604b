/**
 * Rendering as plain classes: which Applications a commit affects, the pipeline from a folder to an ordered, tracked
 * object set, the choice of renderer, input digests and the bounded cache of renders they key (a commit that leaves
 * an Application's inputs alone costs it no render). The tools themselves are in the {@code plain}, {@code kustomize}
 * and {@code helm} sub-packages; failures worded for the repository's owner are {@code failure}'s.
 */
package dev.plumbline.renderer.render;
