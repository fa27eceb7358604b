/**
 * The image-updater's Kafka edges and its clock: the catalog of Applications and the images they watch, the commit
 * events merges are seen in, the image events it publishes and reads back at start, and when each image is checked.
 */
package dev.plumbline.imageupdater.messaging;
