/**
 * The renderer's settings ({@code @ConfigMapping}). The behaviour they steer lives in {@code render} and
 * {@code messaging}.
 */
package dev.plumbline.renderer.config;
