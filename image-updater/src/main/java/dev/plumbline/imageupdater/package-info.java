/**
 * The image-updater: learns of new images (registry notifications, polling, CI), chooses by each Application's image
 * policies, and proposes the change to the config repository as a pull request or a direct commit. It holds the only
 * Git write credentials and no cluster access.
 */
package dev.plumbline.imageupdater;
