/**
 * Plain YAML and JSON manifests read from a folder, several documents per file, {@code List} kinds flattened. No
 * templating of any kind.
 */
package dev.plumbline.renderer.render.plain;
