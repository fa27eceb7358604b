/**
 * Self-heal pause and resume as audit records, found by comparing each spec's pause with the one the trail last
 * recorded. The pause itself is set by a person on the Application; honouring it is {@code drift}'s.
 */
package dev.plumbline.driftauditor.pause;
