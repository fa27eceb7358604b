/**
 * Why a render produced no objects, worded for the owner of the repository. Every stage of a render may throw it, so
 * it sits below all of them; the pipeline turns it into one {@code RenderFailed} event.
 */
package dev.plumbline.renderer.failure;
