/**
 * {@code plumb image}: the images the image-updater watches for each Application, and promotions asked for from an
 * app repository's CI. The image-updater holds the Git write credentials; the CLI only asks it, with a promote token.
 */
package dev.plumbline.cli.image;
