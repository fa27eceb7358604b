/**
 * The comparison of desired with live: per object and per Application for the reconciler's diff and sync, per field
 * with its field manager for the drift-auditor's drift. Pure: it reads the objects it is given and never asks a
 * cluster.
 */
package dev.plumbline.engine.diff;
