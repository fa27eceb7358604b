/**
 * The drift-auditor's settings ({@code @ConfigMapping}). The behaviour they steer lives in the other packages.
 */
package dev.plumbline.driftauditor.config;
