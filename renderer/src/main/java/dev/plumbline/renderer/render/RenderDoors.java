package dev.plumbline.renderer.render;

import dev.plumbline.engine.project.ProjectRules;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitRefusal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The two doors an Application passes before it is rendered: its project allows its repository, and the commit
 * event does not refuse it the commit (its project requires a signature the commit lacks). An Application stopped at
 * either is not rendered and nothing is published for it: the reconciler reads the reason from the spec and the
 * commit event. Each refusal is logged once, until it changes.
 */
final class RenderDoors {

    private static final Logger LOG = Logger.getLogger(RenderDoors.class);

    /** The last refusal logged per app, so that one is not logged at every commit or spec change. */
    private final Map<String, String> logged = new ConcurrentHashMap<>();

    /** Why the Application's project refuses its repository; empty when it allows it. */
    static Optional<String> sourceRefusal(ApplicationSpec spec) {
        return new ProjectRules(spec.projectPolicy())
                .sourceRefusal(spec.sourceSpec().repoUrl().trim());
    }

    /** Whether the Application may be rendered from this commit; logs why not, once. */
    boolean admits(ApplicationSpec spec, CommitDetected commit) {
        Optional<String> source = sourceRefusal(spec);
        if (source.isPresent()) {
            return refused(spec.app(), "its project does not allow its repository: " + source.get());
        }
        Optional<CommitRefusal> refusal = commit.refusalFor(spec.app());
        if (refusal.isPresent()) {
            return refused(
                    spec.app(),
                    "the git-watcher refuses it the commit: " + refusal.get().reason());
        }
        logged.remove(spec.app());
        return true;
    }

    /** Whether the Application's project allows its repository; logs why not, once. */
    boolean admitsSource(ApplicationSpec spec) {
        Optional<String> source = sourceRefusal(spec);
        return source.isEmpty() || refused(spec.app(), "its project does not allow its repository: " + source.get());
    }

    private boolean refused(String app, String why) {
        if (!Objects.equals(logged.put(app, why), why)) {
            LOG.warnf("Application %s is not rendered: %s", app, why);
        }
        return false;
    }
}
