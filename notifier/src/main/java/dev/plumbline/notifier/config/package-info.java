/**
 * The notifier's settings ({@code @ConfigMapping}), including the named Slack and webhook destinations whose URLs hold
 * tokens. The behaviour they steer lives in the other packages.
 */
package dev.plumbline.notifier.config;
