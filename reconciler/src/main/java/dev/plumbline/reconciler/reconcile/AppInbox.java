package dev.plumbline.reconciler.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * News for an app's status that arrived from a topic, kept until the app's next reconcile takes it: the status is
 * then written by the one worker that reconciles the app, never by a listener thread racing it.
 *
 * @param <T> the news
 */
public final class AppInbox<T> {

    private final Map<String, List<T>> byApp = new HashMap<>();

    public synchronized void offer(String app, T news) {
        byApp.computeIfAbsent(app, key -> new ArrayList<>()).add(news);
    }

    /** The news of the app in arrival order, now taken out. */
    public synchronized List<T> take(String app) {
        List<T> news = byApp.remove(app);
        return news == null ? List.of() : news;
    }
}
