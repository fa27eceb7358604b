package dev.plumbline.cli;

import java.nio.file.Path;

/** The Plumbline checkout the command works in: {@code PLUMBLINE_HOME}, set by ./plumb, or the current folder. */
final class HomeDirectory {

    private HomeDirectory() {}

    static Path resolve() {
        String home = System.getenv("PLUMBLINE_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home)
                .toAbsolutePath()
                .normalize();
    }
}
