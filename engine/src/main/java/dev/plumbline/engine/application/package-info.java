/**
 * The current spec of every Application, folded from the compacted {@code plumbline.applications} topic's records. It
 * keeps specs in memory only; consuming the topic is each service's own.
 */
package dev.plumbline.engine.application;
