package dev.plumbline.reconciler.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestinationLimitsTest {

    private static final Destination SHOP = new Destination(
            "shop", List.of("shop-jobs"), List.of(new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition")));
    private final DestinationLimits limits = new DestinationLimits(
            SHOP,
            kind -> kind.kind().equals("Namespace")
                            || kind.kind().equals("ClusterRole")
                            || kind.kind().equals("CustomResourceDefinition")
                    ? Optional.of(false)
                    : Optional.empty());

    @Test
    void objectsInTheDestinationOrAnAllowedNamespaceAreAllowed() {
        assertThat(limits.check(
                        List.of(object("v1", "ConfigMap", "shop", "a"), object("batch/v1", "Job", "shop-jobs", "b"))))
                .isEmpty();
    }

    @Test
    void anObjectInAnotherNamespaceIsRefusedNamingTheNamespaceAndTheWayOut() {
        List<Refusal> refusals = limits.check(List.of(object("v1", "Secret", "kube-system", "token")));

        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.object().name()).isEqualTo("token");
            assertThat(refusal.reason())
                    .contains(
                            "namespace \"kube-system\"", "destination \"shop\"", "spec.destination.allowedNamespaces");
        });
    }

    @Test
    void aClusterScopedKindIsAllowedOnlyWhenTheAllowListNamesIt() {
        List<Refusal> refusals = limits.check(List.of(
                object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com"),
                object("rbac.authorization.k8s.io/v1", "ClusterRole", null, "admin-ish")));

        assertThat(refusals)
                .singleElement()
                .satisfies(refusal -> assertThat(refusal.reason())
                        .contains("ClusterRole.rbac.authorization.k8s.io", "allowedClusterKinds"));
    }

    @Test
    void theDestinationsOwnNamespaceObjectIsAllowedWithoutAnAllowList() {
        assertThat(limits.check(List.of(object("v1", "Namespace", null, "shop"))))
                .isEmpty();
        assertThat(limits.check(List.of(object("v1", "Namespace", null, "payments"))))
                .hasSize(1);
    }

    private static RenderedObject object(String apiVersion, String kind, String namespace, String name) {
        return new RenderedObject(
                ObjectIdentity.namespaced(apiVersion, kind, namespace, name),
                JsonNodeFactory.instance.objectNode(),
                null);
    }
}
