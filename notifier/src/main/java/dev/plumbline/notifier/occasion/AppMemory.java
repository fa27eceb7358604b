package dev.plumbline.notifier.occasion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map of what the notifier remembers per app (last health, last deployed revision, commits): an app
 * deleted long ago must not hold memory for ever, and the least recently used entry is the one to drop.
 */
final class AppMemory<V> {

    private final Map<String, V> entries;

    AppMemory(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(String key) {
        return entries.get(key);
    }

    V put(String key, V value) {
        return entries.put(key, value);
    }
}
