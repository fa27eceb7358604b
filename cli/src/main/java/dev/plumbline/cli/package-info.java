/**
 * The {@code plumb} command and its top-level commands that start Plumbline on one machine ({@code up}, {@code down},
 * {@code demo}, {@code bench}). The commands that inspect and steer a run are in the sub-packages; starting processes
 * is {@code run}'s.
 */
package dev.plumbline.cli;
