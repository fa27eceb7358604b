/**
 * What the sandbox's standalone mains share: reading their options, the exit on bad usage, and serving until
 * SIGTERM or Ctrl-C after the one ready line.
 */
package dev.plumbline.sandbox.launch;
