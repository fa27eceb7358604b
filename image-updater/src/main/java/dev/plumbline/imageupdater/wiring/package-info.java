/**
 * The promotion core's ports on the registry client, the image editor, JGit and the pull-request hosts, and the
 * beans the service is made of, built once from the settings.
 */
package dev.plumbline.imageupdater.wiring;
