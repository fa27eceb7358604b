package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

/** A small namespaced CustomResourceDefinition, Widget in example.com, shared by the tests that need one. */
final class CrdFixtures {

    static final String WIDGET_CRD = """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced",
               "names":{"kind":"Widget","plural":"widgets","singular":"widget","shortNames":["wd"]},
               "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
                 "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """;

    private CrdFixtures() {}

    static void createWidgetCrd(KubeHttp http) {
        assertThat(http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", WIDGET_CRD)
                        .code())
                .isIn(201, 409);
    }
}
