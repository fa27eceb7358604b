/**
 * Helm charts templated in-process by helm-java as {@code helm template} would, with the chart's local inputs and
 * errors pointed at repository files. Dependencies from chart repositories must be vendored under {@code charts/}:
 * nothing is fetched.
 */
package dev.plumbline.renderer.render.helm;
