/**
 * The image-updater's settings ({@link dev.plumbline.imageupdater.config.ImageUpdaterConfig}) and what is made of
 * them: write credentials matched to a config repository by parsed URL, promote tokens, and the mask that keeps
 * every secret out of logs, events and responses.
 */
package dev.plumbline.imageupdater.config;
