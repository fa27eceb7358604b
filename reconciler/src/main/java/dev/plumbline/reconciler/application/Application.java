package dev.plumbline.reconciler.application;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Application resource, {@code applications.plumbline.dev/v1alpha1}: what to deploy from where, and the
 * reconciler's report on it. The CRD is generated from this class and its parts at build time; {@code kubectl get
 * applications} shows each one's project, health and sync status.
 */
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind("Application")
@Plural("applications")
@Singular("application")
@ShortNames("plapp")
@AdditionalPrinterColumn(name = "Project", jsonPath = ".spec.project")
@AdditionalPrinterColumn(name = "Sync", jsonPath = ".status.sync.status")
@AdditionalPrinterColumn(name = "Health", jsonPath = ".status.health.status")
public class Application extends CustomResource<ApplicationSpecModel, ApplicationStatusModel> implements Namespaced {

    private static final long serialVersionUID = 1L;

    public static final String GROUP = "plumbline.dev";
    public static final String VERSION = "v1alpha1";
}
