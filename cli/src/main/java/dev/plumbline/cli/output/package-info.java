/**
 * How commands print: tables aligned as kubectl's, JSON or YAML for scripts, times for people. Commands decide what to
 * print; this decides how.
 */
package dev.plumbline.cli.output;
