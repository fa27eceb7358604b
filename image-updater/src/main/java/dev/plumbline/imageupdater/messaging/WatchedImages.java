package dev.plumbline.imageupdater.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.engine.application.RepoLocation;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.Cause;
import dev.plumbline.imageupdater.promote.ImageKey;
import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.imageupdater.promote.ImageWatch;
import dev.plumbline.imageupdater.registry.ImageRepository;
import dev.plumbline.imageupdater.wiring.TagChoosers;
import dev.plumbline.servicekit.applications.ApplicationChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The images every Application's {@code spec.images} watches, kept current from the catalog. An image that starts
 * being watched is checked at once; an invalid policy (which the reconciler reports on the Application) is skipped.
 */
@ApplicationScoped
public class WatchedImages implements ApplicationChanges {

    private static final Logger LOG = Logger.getLogger(WatchedImages.class);

    @Inject
    TagChoosers choosers;

    @Inject
    ImageWork work;

    @Inject
    ImageLedger ledger;

    private final Map<ImageKey, ImageWatch> watches = new ConcurrentHashMap<>();
    private final Map<String, AppSource> sources = new ConcurrentHashMap<>();

    @Override
    public void changed(String app, Optional<ApplicationSpec> spec, ApplicationCatalog catalog) {
        watches.keySet().removeIf(key -> key.app().equals(app));
        sources.remove(app);
        if (spec.isEmpty()) {
            ledger.keepStatusOf(keys());
            return;
        }
        AppSource source = new AppSource(
                app,
                spec.get().sourceSpec().repoUrl(),
                spec.get().sourceSpec().targetRevision(),
                spec.get().sourceSpec().path());
        sources.put(app, source);
        for (ImagePolicy policy : spec.get().images()) {
            List<String> problems = policy.problems();
            if (!problems.isEmpty()) {
                LOG.warnf("app %s: image %s is not watched: %s", app, policy.repository(), String.join("; ", problems));
                continue;
            }
            ImageKey key = new ImageKey(app, policy.repository());
            watches.put(
                    key, new ImageWatch(source, key, choosers.of(policy), policy.promotion() == PromotionMode.DIRECT));
            work.check(key, Cause.poll());
        }
        ledger.keepStatusOf(keys());
    }

    public Set<ImageKey> keys() {
        return Set.copyOf(watches.keySet());
    }

    public Optional<ImageWatch> get(ImageKey key) {
        return Optional.ofNullable(watches.get(key));
    }

    /** The valid image policies of an Application, in no particular order. */
    public List<ImageWatch> policiesOf(String app) {
        return watches.values().stream()
                .filter(watch -> watch.key().app().equals(app))
                .toList();
    }

    /** Where an Application's files are; empty for an app the catalog does not hold. */
    public Optional<AppSource> source(String app) {
        return Optional.ofNullable(sources.get(app));
    }

    /** The Applications whose config repository is {@code repoUrl}, however either is spelt. */
    public List<AppSource> sourcesIn(String repoUrl) {
        Optional<RepoLocation> location = RepoLocation.of(repoUrl);
        return sources.values().stream()
                .filter(source -> location.isPresent()
                        && RepoLocation.of(source.repoUrl())
                                .map(other -> sameRepository(other, location.get()))
                                .orElse(false))
                .toList();
    }

    /** The watched images of a pushed repository, whichever way the policy spells the registry. */
    public List<ImageKey> keysOf(ImageRepository pushed) {
        return watches.keySet().stream()
                .filter(key -> sameImage(key.repository(), pushed))
                .toList();
    }

    private static boolean sameImage(String written, ImageRepository pushed) {
        try {
            return ImageRepository.parse(written).equals(pushed);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The same host, port and path: a host names one repository by HTTPS and SSH alike. */
    private static boolean sameRepository(RepoLocation a, RepoLocation b) {
        return a.host().equals(b.host()) && a.segments().equals(b.segments());
    }
}
