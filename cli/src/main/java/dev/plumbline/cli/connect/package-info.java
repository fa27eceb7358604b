/**
 * How a command reaches a run: the env file {@code plumb up} writes, overlaid by the environment, the services' URLs,
 * read-only HTTP calls to them, and failures the user can act on as one line and exit code 2. Output formats are
 * {@code output}'s.
 */
package dev.plumbline.cli.connect;
