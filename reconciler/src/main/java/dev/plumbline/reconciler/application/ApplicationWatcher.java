package dev.plumbline.reconciler.application;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.reconciler.cluster.ClusterCapabilitiesWatch;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import dev.plumbline.reconciler.project.ProjectWatcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Watches the Application resources of the configured namespace, publishes each one's spec on
 * {@code plumbline.applications} when it changes (a tombstone when it is deleted), and tells the reconciler.
 * Status writes do not change the spec, so they publish nothing. Each spec carries the destination cluster's
 * version and API versions as last read ({@link ClusterCapabilitiesWatch}); when those change, every spec is published
 * again, so the renderer templates Helm charts against the cluster as it is. Each spec also carries its project as
 * read ({@link ProjectWatcher}); when a Project is added, changed or deleted, the specs of the Applications naming it
 * are published again and the reconciler judges those apps again at once.
 */
@ApplicationScoped
public class ApplicationWatcher {

    private static final Logger LOG = Logger.getLogger(ApplicationWatcher.class);

    private final KubernetesClient client;
    private final SpecOutputs publisher;
    private final ClusterCapabilitiesWatch capabilities;
    private final ProjectWatcher projects;
    private final String namespace;
    private final Duration cacheSyncTimeout;
    private final Map<String, List<Object>> published = new ConcurrentHashMap<>();
    /** Held while a spec or tombstone is published, so a spec published again never follows a tombstone. */
    private final Object publishing = new Object();

    private volatile SharedIndexInformer<Application> informer;
    private CompletionStage<Void> filled;
    private volatile BiConsumer<String, Boolean> changed = (app, exists) -> {};

    @Inject
    public ApplicationWatcher(
            KubernetesClient client,
            SpecOutputs publisher,
            ClusterCapabilitiesWatch capabilities,
            ProjectWatcher projects,
            ReconcilerConfig config) {
        this.client = client;
        this.publisher = publisher;
        this.capabilities = capabilities;
        this.projects = projects;
        this.namespace = config.applications().namespace();
        this.cacheSyncTimeout = config.kube().cacheSyncTimeout();
    }

    /**
     * Watches, and returns once the cache holds every Application (and, first, every Project). Called again after a
     * failure, it waits again for the watch already started.
     *
     * @param changed hears each app whose spec changed (true) or that was deleted (false)
     */
    public synchronized void start(BiConsumer<String, Boolean> changed) {
        this.changed = changed;
        projects.start(this::projectChanged);
        if (filled == null) {
            capabilities.start(this::servedApisChanged);
            filled = watch(changed);
        }
        try {
            filled.toCompletableFuture().get(cacheSyncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cache of Applications filled", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the cache of Applications did not fill within " + cacheSyncTimeout, e);
        }
    }

    private CompletionStage<Void> watch(BiConsumer<String, Boolean> changed) {
        informer = client.resources(Application.class).inNamespace(namespace).runnableInformer(0);
        informer.exceptionHandler((started, failure) -> true);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Application application) {
                if (publish(application)) {
                    changed.accept(application.getMetadata().getName(), true);
                }
            }

            @Override
            public void onUpdate(Application before, Application after) {
                if (publish(after)) {
                    changed.accept(after.getMetadata().getName(), true);
                }
            }

            @Override
            public void onDelete(Application application, boolean finalStateUnknown) {
                String app = application.getMetadata().getName();
                synchronized (publishing) {
                    published.remove(app);
                    publisher.deleted(app);
                }
                changed.accept(app, false);
            }
        });
        return informer.start();
    }

    /** The Application as last seen. */
    public Optional<Application> get(String app) {
        return informer == null
                ? Optional.empty()
                : Optional.ofNullable(informer.getStore().getByKey(namespace + "/" + app));
    }

    public List<Application> all() {
        return informer == null ? List.of() : informer.getStore().list();
    }

    public boolean synced() {
        return informer != null && informer.hasSynced();
    }

    public String namespace() {
        return namespace;
    }

    /**
     * The cluster's served APIs changed: every spec the new capabilities make different is published again, and if
     * the Project CRD has just been installed, Projects are watched from now on and every app is judged again.
     */
    private void servedApisChanged() {
        boolean projectsNewlyWatched = false;
        if (!projects.watching()) {
            try {
                projectsNewlyWatched = projects.start(this::projectChanged);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "cannot read the Projects yet (%s); trying again when the served APIs next change",
                        e.getMessage());
            }
        }
        for (Application listed : all()) {
            String app = listed.getMetadata().getName();
            publishAgain(app);
            if (projectsNewlyWatched) {
                changed.accept(app, true);
            }
        }
    }

    /** Publishes again the specs of the Applications that name the project, and has them judged again. */
    private void projectChanged(String project) {
        for (Application listed : all()) {
            String app = listed.getMetadata().getName();
            if (project.equals(projectName(listed)) && publishAgain(app)) {
                changed.accept(app, true);
            }
        }
    }

    /** Publishes the app's spec when it differs from the last one published; one deleted meanwhile keeps its tombstone. */
    private boolean publishAgain(String app) {
        synchronized (publishing) {
            return get(app).map(this::publishChanged).orElse(false);
        }
    }

    private static String projectName(Application application) {
        String name = application.getSpec() == null ? null : application.getSpec().project;
        return name == null || name.isBlank() ? ProjectPolicy.DEFAULT : name;
    }

    /**
     * The Application's spec as the other services receive it: with its project as read and the cluster's
     * capabilities as last read.
     *
     * @throws InvalidApplicationException naming the field at fault
     */
    public ApplicationSpec specOf(Application application) {
        ApplicationSpec spec = ApplicationMapper.toSpec(application);
        return spec.withProject(projects.policy(spec.projectPolicy().name()))
                .withClusterCapabilities(capabilities.current().orElse(null));
    }

    /** Publishes the spec when it differs from the last one published; an unreadable spec publishes nothing. */
    private boolean publish(Application application) {
        synchronized (publishing) {
            return publishChanged(application);
        }
    }

    private boolean publishChanged(Application application) {
        String app = application.getMetadata().getName();
        ApplicationSpec spec;
        try {
            spec = specOf(application);
        } catch (InvalidApplicationException e) {
            LOG.warnf("Application %s/%s is invalid: %s", namespace, app, e.getMessage());
            published.remove(app);
            return true;
        }
        List<Object> content = List.of(
                spec.generation(),
                spec.sourceSpec(),
                spec.destination(),
                spec.syncPolicy(),
                Objects.toString(spec.driftMode()),
                spec.ignoreDifferences(),
                spec.notifications(),
                Optional.ofNullable(spec.selfHealPause()),
                Optional.ofNullable(spec.requestedSync()),
                Optional.ofNullable(spec.clusterCapabilities()),
                spec.projectPolicy());
        if (content.equals(published.get(app))) {
            return false;
        }
        published.put(app, content);
        publisher.spec(spec);
        return true;
    }

    @PreDestroy
    void stop() {
        if (informer != null) {
            informer.stop();
        }
    }
}
