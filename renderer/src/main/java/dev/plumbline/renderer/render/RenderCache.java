package dev.plumbline.renderer.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders by the digest of what went into them (the Application's input files, its render options and
 * destination), so a commit that leaves an Application's inputs alone costs it nothing. Bounded: the least
 * recently used render leaves first. Failures are not cached: the next try may find a tool installed.
 */
public final class RenderCache {

    private final Map<String, RenderedSet> entries;

    /** @param maxEntries the most renders kept; 0 turns caching off */
    public RenderCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RenderedSet> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized Optional<RenderedSet> get(String inputDigest) {
        return Optional.ofNullable(entries.get(inputDigest));
    }

    public synchronized void put(String inputDigest, RenderedSet rendered) {
        entries.put(inputDigest, rendered);
    }

    public synchronized int size() {
        return entries.size();
    }
}
