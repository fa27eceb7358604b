/**
 * Kustomizations built by the installed kustomize (or kubectl kustomize) with the Application's Kustomize options
 * layered on without editing the repository, and the paths a kustomization reads. Kustomize itself is not bundled.
 */
package dev.plumbline.renderer.render.kustomize;
