package dev.plumbline.renderer.render;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders by the digest of what went into them (the Application's input files, its render options and
 * destination), so a commit that leaves an Application's inputs alone costs it nothing. Bounded by count and by the
 * total size of the renders' JSON: the least recently used render leaves first, and a render larger than the whole
 * byte budget is not kept at all. Failures are not cached: the next try may find a tool installed.
 */
public final class RenderCache {

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, RenderedSet> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /**
     * @param maxEntries the most renders kept; 0 turns caching off
     * @param maxBytes   the most the kept renders' JSON may add up to; 0 turns caching off
     */
    public RenderCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    public synchronized Optional<RenderedSet> get(String inputDigest) {
        return Optional.ofNullable(entries.get(inputDigest));
    }

    public synchronized void put(String inputDigest, RenderedSet rendered) {
        if (maxEntries <= 0 || rendered.bytes() > maxBytes) {
            return;
        }
        RenderedSet replaced = entries.put(inputDigest, rendered);
        bytes += rendered.bytes() - (replaced == null ? 0 : replaced.bytes());
        Iterator<Map.Entry<String, RenderedSet>> eldestFirst =
                entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            bytes -= eldestFirst.next().getValue().bytes();
            eldestFirst.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** What the kept renders' JSON adds up to. */
    public synchronized long bytes() {
        return bytes;
    }
}
