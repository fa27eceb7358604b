package dev.plumbline.events.git;

import java.time.Instant;

/** The author or committer of a commit, as Git records them. */
public record GitSignature(String name, String email, Instant time) {}
