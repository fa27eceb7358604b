package dev.plumbline.gitwatcher.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads Projects' {@code signatureKeys}, each key once. A key that cannot be read is logged once per project,
 * naming the project and the key, and left out: the project's other keys still count.
 */
public final class ProjectKeys {

    private static final Logger LOG = Logger.getLogger(ProjectKeys.class);

    private final Map<String, List<ListedKey>> readable = new ConcurrentHashMap<>();
    private final Map<String, String> unreadable = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** The readable keys among those a project lists. */
    public ListedKeys of(String project, List<String> signatureKeys) {
        List<ListedKey> keys = new ArrayList<>();
        for (String text : signatureKeys) {
            keys.addAll(read(project, text));
        }
        return new ListedKeys(keys);
    }

    private List<ListedKey> read(String project, String text) {
        List<ListedKey> known = readable.get(text);
        if (known != null) {
            return known;
        }
        String problem = unreadable.get(text);
        if (problem == null) {
            try {
                List<ListedKey> keys = KeyText.parse(text);
                readable.put(text, keys);
                return keys;
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
                unreadable.put(text, problem);
            }
        }
        if (logged.add(project + "\n" + text)) {
            LOG.warnf(
                    "project %s lists a signature key that cannot be read, so it is ignored: \"%s\": %s",
                    project, KeyText.abbreviated(text), problem);
        }
        return List.of();
    }
}
