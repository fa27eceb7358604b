package dev.plumbline.driftauditor.drift;

import dev.plumbline.engine.project.ProjectRules;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an app's project allows, asked by the drift rules: a render holding an object the project refuses is not
 * taken as desired state, an object it refuses is never healed, and an app whose repository it refuses is not healed
 * at all. The reconciler refuses all of these too; asking it would only earn a refusal per heal.
 */
final class ProjectLimits {

    private final ApplicationSpec spec;
    private final ProjectRules rules;
    private final Function<GroupKind, Optional<Boolean>> namespacedKinds;

    /**
     * @param namespacedKinds whether a kind is namespaced, as far as the cluster has shown it; empty when not known,
     *                        and then an object that names a namespace is taken as namespaced
     */
    ProjectLimits(ApplicationSpec spec, Function<GroupKind, Optional<Boolean>> namespacedKinds) {
        this.spec = spec;
        this.rules = new ProjectRules(spec.projectPolicy());
        this.namespacedKinds = namespacedKinds;
    }

    /** Why the app may not deploy from its repository; empty when it may. */
    Optional<String> sourceRefusal() {
        return rules.sourceRefusal(spec.sourceSpec().repoUrl());
    }

    /** Why the app may not manage this object; empty when it may. */
    Optional<String> objectRefusal(ObjectIdentity object) {
        boolean namespaced = namespacedKinds.apply(object.groupKind()).orElse(object.namespace() != null);
        return rules.objectRefusal(object, namespaced, spec.destination().namespace());
    }

    /**
     * Why the render may not become desired state: its repository, or the first object, the project refuses; empty
     * when it refuses neither.
     */
    Optional<String> renderRefusal(ManifestsRendered rendered) {
        Optional<String> source = rules.sourceRefusal(rendered.repoUrl());
        if (source.isPresent()) {
            return source;
        }
        for (RenderedObject object : rendered.objects()) {
            Optional<String> refusal = objectRefusal(object.identity());
            if (refusal.isPresent()) {
                return Optional.of(object.identity() + ": " + refusal.get());
            }
        }
        return Optional.empty();
    }
}
