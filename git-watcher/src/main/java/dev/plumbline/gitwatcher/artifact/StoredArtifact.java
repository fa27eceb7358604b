package dev.plumbline.gitwatcher.artifact;

import java.nio.file.Path;

/** An artifact on disk and the lowercase hex sha256 of its bytes. */
public record StoredArtifact(Path file, String sha256, long size) {}
