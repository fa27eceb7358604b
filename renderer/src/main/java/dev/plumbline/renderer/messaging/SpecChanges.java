package dev.plumbline.renderer.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.servicekit.applications.ApplicationChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Application changes waiting to be rendered, handled on a thread of their own so that the applications channel
 * never waits for a render. Changes that pile up while a render runs are taken together, latest spec per app, so
 * that a burst (every Application at start-up, a bulk edit) downloads each commit once.
 */
@ApplicationScoped
public class SpecChanges implements ApplicationChanges {

    private static final Logger LOG = Logger.getLogger(SpecChanges.class);

    @Inject
    RenderingService rendering;

    /** The latest spec of each app not handled yet; empty for a deleted Application. */
    private final Map<String, Optional<ApplicationSpec>> pending = new LinkedHashMap<>();

    private Thread worker;
    private volatile boolean running;

    void onStart(@Observes StartupEvent start) {
        running = true;
        worker = new Thread(this::work, "plumbline-spec-changes");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** New and changed Applications are rendered at once; a deleted one is forgotten. */
    @Override
    public void changed(String app, Optional<ApplicationSpec> spec, ApplicationCatalog catalog) {
        offer(app, spec);
    }

    /** @param spec the new spec; empty when the Application was deleted */
    public synchronized void offer(String app, Optional<ApplicationSpec> spec) {
        pending.remove(app);
        pending.put(app, spec);
        notifyAll();
    }

    private synchronized Map<String, Optional<ApplicationSpec>> take() throws InterruptedException {
        while (pending.isEmpty()) {
            wait();
        }
        Map<String, Optional<ApplicationSpec>> taken = new LinkedHashMap<>(pending);
        pending.clear();
        return taken;
    }

    private void work() {
        try {
            rendering.awaitHistory();
            while (running) {
                Map<String, Optional<ApplicationSpec>> changes = take();
                List<ApplicationSpec> specs = new ArrayList<>();
                changes.forEach((app, spec) -> {
                    if (spec.isPresent()) {
                        specs.add(spec.get());
                    } else {
                        rendering.onApplicationDeleted(app);
                    }
                });
                handle(specs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(List<ApplicationSpec> specs) {
        try {
            rendering.onApplications(specs);
        } catch (RuntimeException e) {
            // a failure to publish: the next change or commit of these apps renders them again
            LOG.errorf(e, "could not render %d changed Applications", specs.size());
        }
    }
}
