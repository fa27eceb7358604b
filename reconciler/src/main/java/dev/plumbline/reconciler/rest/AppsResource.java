package dev.plumbline.reconciler.rest;

import dev.plumbline.events.DiffComputed;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationSpecModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.application.ApplicationWatcher;
import dev.plumbline.reconciler.reconcile.CompareSteps;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;

/** Read-only views of the Applications: what the CLI and people ask. */
@Path("/api/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {

    @Inject
    ApplicationWatcher applications;

    @Inject
    CompareSteps compare;

    /** One line per Application. */
    public record AppSummary(String name, String syncStatus, String revision, String health, int conditions) {}

    /** One Application: its spec as written and its status. */
    public record AppDetail(String name, String namespace, ApplicationSpecModel spec, ApplicationStatusModel status) {}

    @GET
    public List<AppSummary> list() {
        return applications.all().stream()
                .sorted(Comparator.comparing(app -> app.getMetadata().getName()))
                .map(AppsResource::summary)
                .toList();
    }

    @GET
    @Path("{name}")
    public AppDetail get(@PathParam("name") String name) {
        Application app = find(name);
        return new AppDetail(name, app.getMetadata().getNamespace(), app.getSpec(), app.getStatus());
    }

    @GET
    @Path("{name}/diff")
    public DiffComputed diff(@PathParam("name") String name) {
        find(name);
        return compare.latestDiff(name)
                .orElseThrow(() -> new NotFoundException("no diff of application " + name
                        + " yet: it has not been compared by this instance (no render yet, or its partition is served by "
                        + "another reconciler instance)"));
    }

    private Application find(String name) {
        return applications
                .get(name)
                .orElseThrow(() ->
                        new NotFoundException("no application " + name + " in namespace " + applications.namespace()));
    }

    private static AppSummary summary(Application app) {
        ApplicationStatusModel status = app.getStatus();
        return new AppSummary(
                app.getMetadata().getName(),
                status == null || status.sync == null ? "unknown" : status.sync.status,
                status == null || status.sync == null ? null : status.sync.revision,
                status == null || status.health == null ? "unknown" : status.health.status,
                status == null || status.conditions == null ? 0 : status.conditions.size());
    }
}
