package dev.plumbline.reconciler.project;

import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Watches the Project resources of the Applications' namespace and keeps each one read into its
 * {@link ProjectPolicy}. A project that does not exist, cannot be read, or cannot exist because its CRD is not
 * installed allows nothing, and {@link #problem} says which, for the Applications that name it.
 */
@ApplicationScoped
public class ProjectWatcher {

    private static final Logger LOG = Logger.getLogger(ProjectWatcher.class);

    private final KubernetesClient client;
    private final String namespace;
    private final Duration cacheSyncTimeout;
    private final Map<String, Read> read = new ConcurrentHashMap<>();
    private volatile SharedIndexInformer<Project> informer;
    private CompletionStage<Void> filled;
    private boolean missingCrdReported;

    /** A Project as last read: its policy, or why it has none. */
    private record Read(ProjectPolicy policy, String invalid) {}

    @Inject
    public ProjectWatcher(KubernetesClient client, ReconcilerConfig config) {
        this(client, config.applications().namespace(), config.kube().cacheSyncTimeout());
    }

    public ProjectWatcher(KubernetesClient client, String namespace, Duration cacheSyncTimeout) {
        this.client = client;
        this.namespace = namespace;
        this.cacheSyncTimeout = cacheSyncTimeout;
    }

    /**
     * Watches the Projects, and returns once the cache holds them all. When the cluster does not serve Projects (their
     * CRD is not installed) it says so in the log, once, and returns: every project is then missing. Called again
     * (when the cluster's served APIs change), it starts watching if the CRD has been installed meanwhile.
     *
     * @param changed hears the name of each Project added, changed or deleted
     * @return whether Projects are watched
     */
    public synchronized boolean start(Consumer<String> changed) {
        if (informer == null) {
            if (!client.supports(Project.class)) {
                if (!missingCrdReported) {
                    missingCrdReported = true;
                    LOG.warnf(
                            "The Project CRD (%s) is not installed: every Application's project is missing, so"
                                    + " nothing is fetched or deployed. Install it (kubectl apply -f"
                                    + " deploy/base/crds/projects.plumbline.dev.yaml) and create the projects the"
                                    + " Applications name (at least \"%s\") in namespace %s",
                            Project.CRD_NAME, ProjectPolicy.DEFAULT, namespace);
                }
                return false;
            }
            if (missingCrdReported) {
                LOG.infof("The Project CRD (%s) is installed now: reading the Projects", Project.CRD_NAME);
            }
            informer = watch(changed);
            filled = informer.start();
        }
        try {
            filled.toCompletableFuture().get(cacheSyncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cache of Projects filled", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the cache of Projects did not fill within " + cacheSyncTimeout, e);
        }
        return true;
    }

    private SharedIndexInformer<Project> watch(Consumer<String> changed) {
        SharedIndexInformer<Project> projects =
                client.resources(Project.class).inNamespace(namespace).runnableInformer(0);
        projects.exceptionHandler((started, failure) -> true);
        projects.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Project project) {
                changed.accept(remember(project));
            }

            @Override
            public void onUpdate(Project before, Project after) {
                changed.accept(remember(after));
            }

            @Override
            public void onDelete(Project project, boolean finalStateUnknown) {
                String name = project.getMetadata().getName();
                read.remove(name);
                changed.accept(name);
            }
        });
        return projects;
    }

    private String remember(Project project) {
        String name = project.getMetadata().getName();
        try {
            read.put(name, new Read(ProjectMapper.toPolicy(project), null));
        } catch (InvalidProjectException e) {
            LOG.warnf(
                    "Project %s/%s is invalid, so its Applications may fetch and deploy nothing until it is fixed: %s",
                    namespace, name, e.getMessage());
            read.put(name, new Read(ProjectPolicy.missing(name), e.getMessage()));
        }
        return name;
    }

    /** Whether Projects are watched: false while their CRD is not installed. */
    public boolean watching() {
        return informer != null;
    }

    /** The project's rules; one that allows nothing when it is missing or invalid. */
    public ProjectPolicy policy(String name) {
        Read project = informer == null ? null : read.get(name);
        return project == null ? ProjectPolicy.missing(name) : project.policy();
    }

    /** Why the project allows nothing at all; empty when it exists and can be read. */
    public Optional<ProjectProblem> problem(String name) {
        if (informer == null) {
            return Optional.of(new ProjectProblem(
                    ProjectProblem.CRD_NOT_INSTALLED,
                    "the Project CRD (" + Project.CRD_NAME + ") is not installed, so project \"" + name + "\" cannot"
                            + " exist and nothing of this Application is fetched or deployed; an administrator"
                            + " installs it (deploy/base/crds/projects.plumbline.dev.yaml) and creates the Project"
                            + " in namespace " + namespace));
        }
        Read project = read.get(name);
        if (project == null) {
            return Optional.of(new ProjectProblem(
                    ProjectProblem.NOT_FOUND,
                    "project \"" + name + "\" does not exist in namespace " + namespace + ", so nothing of this"
                            + " Application is fetched or deployed; an administrator creates it, or name an"
                            + " existing one in spec.project"));
        }
        if (project.invalid() != null) {
            return Optional.of(new ProjectProblem(
                    ProjectProblem.INVALID,
                    "project \"" + name + "\" is invalid (" + project.invalid() + "), so nothing of this"
                            + " Application is fetched or deployed until an administrator fixes it"));
        }
        return Optional.empty();
    }

    @PreDestroy
    void stop() {
        if (informer != null) {
            informer.stop();
        }
    }
}
