package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP requests read as kube-apiserver reads them for its authorizers, and the 403s it words from them. */
class AuthorizationAttributesTest {

    private static final UserInfo DEPLOYER =
            new UserInfo("system:serviceaccount:team-a:deployer", "", List.of(), Map.of());

    private static AuthorizationAttributes of(String method, String uri) {
        return AuthorizationAttributes.of(DEPLOYER, method, uri);
    }

    @Test
    void httpMethodsBecomeKubernetesVerbs() {
        assertThat(of("GET", "/api/v1/namespaces/team-a/configmaps/settings").verb())
                .isEqualTo("get");
        assertThat(of("GET", "/api/v1/namespaces/team-a/configmaps").verb()).isEqualTo("list");
        assertThat(of("GET", "/api/v1/namespaces/team-a/configmaps?watch=true").verb())
                .isEqualTo("watch");
        assertThat(of("GET", "/api/v1/namespaces/team-a/configmaps?watch=1&resourceVersion=4")
                        .verb())
                .isEqualTo("watch");
        assertThat(of("GET", "/api/v1/namespaces/team-a/configmaps?watch=false").verb())
                .isEqualTo("list");
        assertThat(of("GET", "/api/v1/watch/namespaces/team-a/configmaps").verb())
                .isEqualTo("watch");
        assertThat(of("POST", "/api/v1/namespaces/team-a/configmaps").verb()).isEqualTo("create");
        assertThat(of("PUT", "/api/v1/namespaces/team-a/configmaps/settings").verb())
                .isEqualTo("update");
        assertThat(of("PATCH", "/api/v1/namespaces/team-a/configmaps/settings").verb())
                .isEqualTo("patch");
        assertThat(of("DELETE", "/api/v1/namespaces/team-a/configmaps/settings").verb())
                .isEqualTo("delete");
        assertThat(of("DELETE", "/api/v1/namespaces/team-a/configmaps").verb()).isEqualTo("deletecollection");
    }

    @Test
    void aListOrWatchSelectingOneNameIsAuthorizedForThatName() {
        AuthorizationAttributes watch =
                of("GET", "/api/v1/namespaces/team-a/configmaps?fieldSelector=metadata.name%3Dsettings&watch=true");
        assertThat(watch.verb()).isEqualTo("watch");
        assertThat(watch.name()).isEqualTo("settings");
        assertThat(of("GET", "/api/v1/namespaces/team-a/configmaps?fieldSelector=metadata.name!%3Dsettings")
                        .name())
                .isEmpty();
    }

    @Test
    void pathsGiveGroupResourceSubresourceNamespaceAndName() {
        AuthorizationAttributes scale = of("PUT", "/apis/apps/v1/namespaces/team-a/deployments/web/scale");
        assertThat(List.of(scale.group(), scale.version(), scale.resource(), scale.subresource()))
                .containsExactly("apps", "v1", "deployments", "scale");
        assertThat(List.of(scale.namespace(), scale.name())).containsExactly("team-a", "web");

        AuthorizationAttributes namespace = of("GET", "/api/v1/namespaces/team-a");
        assertThat(List.of(namespace.resource(), namespace.namespace(), namespace.name()))
                .containsExactly("namespaces", "team-a", "team-a");
        AuthorizationAttributes status = of("PUT", "/api/v1/namespaces/team-a/status");
        assertThat(List.of(status.resource(), status.name(), status.subresource()))
                .containsExactly("namespaces", "team-a", "status");
        AuthorizationAttributes clusterRole =
                of("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3Aview");
        assertThat(clusterRole.name()).isEqualTo("system:view");
        assertThat(clusterRole.namespace()).isEmpty();
    }

    @Test
    void discoveryAndOtherPathsAreNonResourceRequestsWithTheHttpVerb() {
        for (String path : List.of(
                "/api",
                "/api/v1",
                "/apis",
                "/apis/apps",
                "/apis/apps/v1",
                "/version",
                "/healthz",
                "/openapi/v3/apis/apps/v1?hash=abc")) {
            AuthorizationAttributes discovery = of("GET", path);
            assertThat(discovery.resourceRequest()).as(path).isFalse();
            assertThat(discovery.verb()).as(path).isEqualTo("get");
        }
        assertThat(of("POST", "/logs").verb()).isEqualTo("post");
        assertThat(of("GET", "/openapi/v3/apis/apps/v1?hash=abc").path()).isEqualTo("/openapi/v3/apis/apps/v1");
    }

    @Test
    void aDenialIsWordedAsKubernetesWordsIt() {
        ApiException delete =
                of("DELETE", "/api/v1/namespaces/team-a/configmaps/settings").forbidden("");
        assertThat(delete.getMessage())
                .isEqualTo("configmaps \"settings\" is forbidden: User \"system:serviceaccount:team-a:deployer\" "
                        + "cannot delete resource \"configmaps\" in API group \"\" in the namespace \"team-a\"");
        assertThat(delete.toStatus().path("details").toString())
                .isEqualTo("{\"name\":\"settings\",\"kind\":\"configmaps\"}");
        assertThat(delete.toStatus().path("reason").asText()).isEqualTo("Forbidden");

        ApiException list = of("GET", "/apis/apps/v1/deployments").forbidden("RBAC: role.x not found");
        assertThat(list.getMessage())
                .isEqualTo("deployments.apps is forbidden: User \"system:serviceaccount:team-a:deployer\" cannot "
                        + "list resource \"deployments\" in API group \"apps\" at the cluster scope: RBAC: role.x "
                        + "not found");
        assertThat(list.toStatus().path("details").toString())
                .isEqualTo("{\"group\":\"apps\",\"kind\":\"deployments\"}");

        ApiException scale = of("PATCH", "/apis/apps/v1/namespaces/team-a/deployments/web/scale")
                .forbidden("");
        assertThat(scale.getMessage())
                .startsWith("deployments.apps \"web\" is forbidden: ")
                .contains(
                        "cannot patch resource \"deployments/scale\" in API group \"apps\" in the namespace \"team-a\"");

        ApiException root = of("GET", "/").forbidden("");
        assertThat(root.getMessage())
                .isEqualTo("forbidden: User \"system:serviceaccount:team-a:deployer\" cannot get path \"/\"");
        assertThat(root.toStatus().path("details").toString()).isEqualTo("{}");
    }
}
