package dev.plumbline.reconciler.project;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Project resource, {@code projects.plumbline.dev/v1alpha1}: what the Applications naming it may fetch, touch
 * and deploy, and as whom the reconciler acts for them. Administrators create Projects in Plumbline's namespace;
 * tenants may read them, never write them. It has no status: what a Project refuses shows on the Applications. The
 * CRD is generated from this class and its parts at build time.
 */
@Group(Project.GROUP)
@Version(Project.VERSION)
@Kind("Project")
@Plural("projects")
@Singular("project")
@ShortNames("plproj")
public class Project extends CustomResource<ProjectSpecModel, Void> implements Namespaced {

    private static final long serialVersionUID = 1L;

    public static final String GROUP = "plumbline.dev";
    public static final String VERSION = "v1alpha1";
    /** The CRD's name, as an administrator installs it. */
    public static final String CRD_NAME = "projects." + GROUP;
}
