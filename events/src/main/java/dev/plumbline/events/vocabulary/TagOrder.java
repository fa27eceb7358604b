package dev.plumbline.events.vocabulary;

/** How an image policy's {@code pattern} orders the tags (or the part of them it extracts); the highest wins. */
public enum TagOrder implements Term {
    /** As numbers: {@code 10} is higher than {@code 9}. */
    NUMERICAL,
    /** As text, character by character: {@code b} is higher than {@code a10}. */
    ALPHABETICAL
}
