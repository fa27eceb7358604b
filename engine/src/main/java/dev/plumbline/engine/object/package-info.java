/**
 * Kubernetes objects as the engine reads them: manifest parsing with errors naming file, document and line,
 * identities, metadata, field paths and the field sets of {@code metadata.managedFields}. No client, no cluster: text
 * and JSON in, values out.
 */
package dev.plumbline.engine.object;
