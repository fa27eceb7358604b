/**
 * The shared words of events, status, logs and messages: sync and health status, change and drift kinds, audit
 * actions, triggers and reasons, each a {@link dev.plumbline.events.vocabulary.Term} written in lower kebab-case.
 * Enums only, with no behaviour beyond their names.
 */
package dev.plumbline.events.vocabulary;
