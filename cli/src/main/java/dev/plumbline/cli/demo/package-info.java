/**
 * {@code plumb demo}: a config repository with three apps on the sandbox Git server, then the story on {@code web},
 * every step confirmed from the live system. Starting the run is {@code run}'s.
 */
package dev.plumbline.cli.demo;
