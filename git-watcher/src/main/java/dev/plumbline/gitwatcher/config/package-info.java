/**
 * The git-watcher's settings ({@code @ConfigMapping}) and what is built directly from them: repository credentials and
 * the webhook receiver. The behaviour the settings steer lives in the other packages.
 */
package dev.plumbline.gitwatcher.config;
