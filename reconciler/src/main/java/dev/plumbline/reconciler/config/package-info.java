/**
 * The reconciler's settings ({@code @ConfigMapping}). The behaviour they steer lives in the other packages.
 */
package dev.plumbline.reconciler.config;
