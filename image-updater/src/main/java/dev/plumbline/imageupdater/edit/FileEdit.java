package dev.plumbline.imageupdater.edit;

/**
 * One file's change: its path relative to the checkout (the real file, when it was reached through a symbolic
 * link), its whole text before and after, and the kind of reference that changed.
 */
public record FileEdit(String file, String before, String after, EditKind kind) {}
