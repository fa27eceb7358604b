/**
 * The image-updater's HTTP API: registry notifications, the status of every watched image, promotions from CI and
 * drift exports; every error is {@code {"error": "..."}} naming the problem and what to do.
 */
package dev.plumbline.imageupdater.rest;
