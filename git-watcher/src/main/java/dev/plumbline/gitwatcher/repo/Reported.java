package dev.plumbline.gitwatcher.repo;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the last commit event of a ref said: the commit it announced and the Applications it was announced to.
 * Kept on disk, so that a restart does not announce every ref again.
 */
public record Reported(String sha, Set<String> apps) {

    public Reported {
        apps = Set.copyOf(new TreeSet<>(apps));
    }
}
