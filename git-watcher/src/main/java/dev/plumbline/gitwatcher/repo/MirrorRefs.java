package dev.plumbline.gitwatcher.repo;

import java.util.Map;
import java.util.TreeMap;

/**
 * The branches and tags of a mirror after a fetch.
 *
 * @param commits    full ref name ({@code refs/heads/main}, {@code refs/tags/v1}) to the commit it points at, tags
 *                   peeled to their commit
 * @param headTarget the branch the remote's {@code HEAD} points at; null when the remote did not say
 */
public record MirrorRefs(Map<String, String> commits, String headTarget) {

    public MirrorRefs {
        commits = Map.copyOf(new TreeMap<>(commits));
    }

    public static MirrorRefs empty() {
        return new MirrorRefs(Map.of(), null);
    }

    public String commit(String ref) {
        return commits.get(ref);
    }
}
