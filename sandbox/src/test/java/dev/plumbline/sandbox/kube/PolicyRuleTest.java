package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RBAC rules matched against requests as Kubernetes matches them. */
class PolicyRuleTest {

    private static final UserInfo USER = new UserInfo("alice", "", List.of(), Map.of());

    private static PolicyRule rule(String yaml) {
        return PolicyRule.of(KubeJson.readYaml("rules:\n" + yaml)).get(0);
    }

    private static AuthorizationAttributes request(
            String verb, String group, String resource, String sub, String name) {
        return AuthorizationAttributes.resource(USER, verb, group, "v1", resource, sub, "team-a", name);
    }

    @Test
    void verbsGroupsAndResourcesMustAllMatch() {
        PolicyRule configMaps = rule("- {apiGroups: [\"\"], resources: [configmaps], verbs: [get, patch]}");
        assertThat(configMaps.allows(request("get", "", "configmaps", "", "settings")))
                .isTrue();
        assertThat(configMaps.allows(request("delete", "", "configmaps", "", "settings")))
                .isFalse();
        assertThat(configMaps.allows(request("get", "apps", "configmaps", "", "settings")))
                .isFalse();
        assertThat(configMaps.allows(request("get", "", "secrets", "", "settings")))
                .isFalse();
    }

    @Test
    void starsMatchAnyVerbGroupOrResource() {
        PolicyRule everything = rule("- {apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}");
        assertThat(everything.allows(request("deletecollection", "apps", "deployments", "scale", "")))
                .isTrue();
    }

    @Test
    void aSubresourceNeedsItsOwnResourceEntry() {
        PolicyRule scaleOnly = rule("- {apiGroups: [apps], resources: [deployments/scale], verbs: [patch]}");
        assertThat(scaleOnly.allows(request("patch", "apps", "deployments", "scale", "web")))
                .isTrue();
        assertThat(scaleOnly.allows(request("patch", "apps", "deployments", "", "web")))
                .isFalse();

        PolicyRule deployments = rule("- {apiGroups: [apps], resources: [deployments], verbs: [patch]}");
        assertThat(deployments.allows(request("patch", "apps", "deployments", "status", "web")))
                .isFalse();

        PolicyRule anyStatus = rule("- {apiGroups: [\"*\"], resources: [\"*/status\"], verbs: [update]}");
        assertThat(anyStatus.allows(request("update", "", "configmaps", "status", "x")))
                .isTrue();
        assertThat(anyStatus.allows(request("update", "", "configmaps", "", "x")))
                .isFalse();
        assertThat(anyStatus.allows(request("update", "apps", "deployments", "scale", "x")))
                .isFalse();
    }

    @Test
    void resourceNamesLimitTheRuleToThoseNames() {
        PolicyRule named =
                rule("- {apiGroups: [\"\"], resources: [configmaps], resourceNames: [settings], verbs: [get, list]}");
        assertThat(named.allows(request("get", "", "configmaps", "", "settings")))
                .isTrue();
        assertThat(named.allows(request("get", "", "configmaps", "", "other"))).isFalse();
        assertThat(named.allows(request("list", "", "configmaps", "", ""))).isFalse();
    }

    @Test
    void nonResourceUrlsMatchExactlyOrByPrefixWithAStar() {
        PolicyRule discovery = rule("- {nonResourceURLs: [/api, /apis/*, /version], verbs: [get]}");
        assertThat(discovery.allows(AuthorizationAttributes.nonResource(USER, "get", "/api")))
                .isTrue();
        assertThat(discovery.allows(AuthorizationAttributes.nonResource(USER, "get", "/apis/apps/v1")))
                .isTrue();
        assertThat(discovery.allows(AuthorizationAttributes.nonResource(USER, "get", "/api/v1")))
                .isFalse();
        assertThat(discovery.allows(AuthorizationAttributes.nonResource(USER, "post", "/version")))
                .isFalse();
        assertThat(discovery.allows(request("get", "", "configmaps", "", ""))).isFalse();
    }
}
