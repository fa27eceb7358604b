package dev.plumbline.reconciler.limits;

import dev.plumbline.engine.project.ProjectRules;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.project.ProjectPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an Application may touch, as its project says: the objects of a render it may apply, and the objects it owns
 * that it may delete. Whoever can merge to the config repository holds the agent's power over the cluster; the
 * project, set by an administrator, bounds it. One refused object refuses the whole sync: applying the rest would
 * leave the app half-deployed for a reason someone must fix in Git or in the Project anyway.
 */
public final class ProjectLimits {

    private static final GroupKind APPLICATION = new GroupKind("plumbline.dev", "Application");

    private final ProjectRules rules;
    private final String destinationNamespace;
    private final Function<GroupKind, Optional<Boolean>> namespacedKinds;

    /**
     * @param destinationNamespace where a namespaced object that names no namespace goes
     * @param namespacedKinds      whether the cluster serves a kind as namespaced; empty when it does not know the
     *                             kind (a custom resource whose CRD comes in the same sync), which is then judged by
     *                             whether the object names a namespace
     */
    public ProjectLimits(
            ProjectPolicy policy, String destinationNamespace, Function<GroupKind, Optional<Boolean>> namespacedKinds) {
        this.rules = new ProjectRules(policy);
        this.destinationNamespace = destinationNamespace;
        this.namespacedKinds = namespacedKinds;
    }

    /** The objects the project does not allow, in the order given, each with the rule that refuses it. */
    public List<Refusal> check(Collection<ObjectIdentity> objects) {
        List<Refusal> refusals = new ArrayList<>();
        for (ObjectIdentity object : objects) {
            boolean namespaced = namespacedKinds.apply(object.groupKind()).orElse(object.namespace() != null);
            rules.objectRefusal(object, namespaced, destinationNamespace)
                    .ifPresent(reason -> refusals.add(new Refusal(object, reason)));
        }
        return refusals;
    }

    /**
     * The Applications of a render (an app of apps) that name another project than this Application's, each with
     * the rule that refuses it.
     */
    public List<Refusal> checkChildApplications(Collection<RenderedObject> objects) {
        List<Refusal> refusals = new ArrayList<>();
        for (RenderedObject object : objects) {
            if (object.identity().groupKind().equals(APPLICATION)) {
                String named = object.body().path("spec").path("project").asText(null);
                rules.childApplicationRefusal(named)
                        .ifPresent(reason -> refusals.add(new Refusal(object.identity(), reason)));
            }
        }
        return refusals;
    }

    /**
     * Why {@code CreateNamespace=true} may not create the destination namespace, as the refusal of that Namespace;
     * empty when the project allows the namespace.
     */
    public Optional<Refusal> namespaceCreationRefusal() {
        return rules.namespaceRefusal(destinationNamespace)
                .map(reason -> new Refusal(
                        ObjectIdentity.clusterScoped("v1", "Namespace", destinationNamespace),
                        reason + "; syncOptions CreateNamespace=true would create it"));
    }

    /** Why the Application may not fetch its repository; empty when it may. */
    public Optional<String> sourceRefusal(String repoUrl) {
        return rules.sourceRefusal(repoUrl);
    }
}
