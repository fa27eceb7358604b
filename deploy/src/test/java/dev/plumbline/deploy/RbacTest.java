package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rights of each service follow DESIGN.md's table: who may do what. */
class RbacTest {

    private static final Set<String> READ = Set.of("get", "list", "watch");
    private static final Set<String> WRITE = Set.of("create", "update", "patch", "delete", "deletecollection");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noRoleGrantsAWildcardOrTheRightToGrantRights(Overlay overlay) {
        List<PolicyRule> rules = new ArrayList<>();
        overlay.render().typed("ClusterRole", ClusterRole.class).forEach(role -> rules.addAll(role.getRules()));
        overlay.render().typed("Role", Role.class).forEach(role -> rules.addAll(role.getRules()));

        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getApiGroups()).as("apiGroups of %s", rule).doesNotContain("*");
            assertThat(rule.getResources())
                    .as("resources of %s", rule)
                    .doesNotContain("*")
                    .isNotEmpty();
            assertThat(rule.getVerbs()).as("verbs of %s", rule).doesNotContain("*", "escalate", "bind");
            assertThat(rule.getNonResourceURLs())
                    .as("non-resource URLs of %s", rule)
                    .isEmpty();
        });
        assertThat(rules)
                .filteredOn(rule -> rule.getVerbs().contains("impersonate"))
                .as("impersonation is granted on named ServiceAccounts only")
                .allSatisfy(RbacTest::impersonatesNamedServiceAccountsOnly);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyBindingGrantsARoleDefinedHereNeverABuiltInOne(Overlay overlay) {
        Manifests manifests = overlay.render();
        for (RoleRef ref : roleRefs(manifests)) {
            assertThat(manifests.ofKind(ref.getKind()))
                    .as("%s %s is defined in %s", ref.getKind(), ref.getName(), overlay)
                    .anyMatch(
                            role -> role.path("metadata").path("name").asText().equals(ref.getName()));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PlumblineService.class,
            names = {"GIT_WATCHER", "RENDERER", "NOTIFIER", "IMAGE_UPDATER"})
    void aServiceWithNoBusinessWithTheApiGetsNoTokenAndNoRole(PlumblineService service) {
        for (Overlay overlay : Overlay.values()) {
            ServiceAccount account = overlay.render().typed("ServiceAccount", service.id(), ServiceAccount.class);
            PodSpec pod = OverlaysTest.deployment(overlay, service)
                    .getSpec()
                    .getTemplate()
                    .getSpec();

            assertThat(pod.getServiceAccountName()).isEqualTo(service.id());
            assertThat(account.getAutomountServiceAccountToken())
                    .as("%s: %s's account", overlay, service)
                    .isFalse();
            assertThat(pod.getAutomountServiceAccountToken())
                    .as("%s: %s's pod", overlay, service)
                    .isFalse();
            assertThat(rulesOf(overlay.render(), service))
                    .as("%s: rules granted to %s", overlay, service)
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theDriftAuditorOnlyReadsAndWatchesAndSeesApplications(Overlay overlay) {
        List<PolicyRule> rules = rulesOf(overlay.render(), PlumblineService.DRIFT_AUDITOR);

        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(READ).containsAll(rule.getVerbs()));
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).contains("plumbline.dev");
            assertThat(rule.getResources()).contains("applications");
            assertThat(rule.getVerbs()).containsAll(READ);
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theReconcilerWatchesCustomResourceDefinitionsToKeepTheClustersApiVersionsFresh(Overlay overlay) {
        List<PolicyRule> rules = rulesOf(overlay.render(), PlumblineService.RECONCILER);

        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).contains("apiextensions.k8s.io");
            assertThat(rule.getResources()).contains("customresourcedefinitions");
            assertThat(rule.getVerbs()).containsAll(READ);
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theReconcilerReadsWhatProjectsManageAndWritesOnlyApplicationStatusItsOwnIdentity(Overlay overlay) {
        List<PolicyRule> rules = rulesOf(overlay.render(), PlumblineService.RECONCILER);

        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.getResources()).contains("applications/status");
            assertThat(rule.getVerbs()).contains("patch");
        });
        for (String resource : List.of("applications", "projects")) {
            assertThat(rules).anySatisfy(rule -> {
                assertThat(rule.getResources()).contains(resource);
                assertThat(rule.getVerbs()).containsAll(READ);
            });
        }
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).contains("apps");
            assertThat(rule.getResources()).contains("deployments");
            assertThat(rule.getVerbs()).containsAll(READ);
        });
        assertThat(rules)
                .as("objects are written as a project's ServiceAccount, never as the reconciler")
                .filteredOn(rule -> !rule.getResources().contains("applications/status"))
                .allSatisfy(rule -> assertThat(rule.getVerbs()).doesNotContainAnyElementsOf(WRITE));
        assertThat(rules)
                .filteredOn(rule -> rule.getVerbs().contains("impersonate"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.getResourceNames()).containsExactly("default-deployer"));
        assertThat(rules)
                .as("Secrets and RBAC objects are opt-in (docs/deploy.md)")
                .allSatisfy(rule -> {
                    assertThat(rule.getResources()).doesNotContain("secrets");
                    assertThat(rule.getApiGroups()).doesNotContain("rbac.authorization.k8s.io");
                });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theDefaultProjectDeploysOnlyIntoTheDemoNamespaceAsItsOwnServiceAccount(Overlay overlay) {
        JsonNode project = overlay.render()
                .ofKind("Project")
                .filter(object -> object.path("metadata").path("name").asText().equals("default"))
                .findFirst()
                .orElseThrow();
        JsonNode spec = project.path("spec");

        assertThat(spec.path("destinations").findValuesAsText("namespace")).containsExactly("demo");
        assertThat(spec.path("clusterResources")).isEmpty();
        assertThat(spec.path("serviceAccount").asText()).isEqualTo("plumbline:default-deployer");
        assertThat(overlay.render().typed("ServiceAccount", "default-deployer", ServiceAccount.class))
                .isNotNull();
        assertThat(overlay.render().typed("ClusterRoleBinding", ClusterRoleBinding.class))
                .as("the deployer's rights are bound per namespace")
                .noneMatch(binding -> binding.getRoleRef().getName().equals("plumbline-deployer"));
    }

    @Test
    void theExampleTenantLetsTheReconcilerActAsItsDeployerOnlyAndTheDeployerWriteOnlyInItsNamespace() {
        Manifests tenant = Manifests.parse(Kustomize.build(Repo.path("deploy/examples/tenant-team-a")));

        List<PolicyRule> reconciler = rulesOf(tenant, PlumblineService.RECONCILER);
        assertThat(reconciler).singleElement().satisfies(rule -> {
            assertThat(rule.getVerbs()).containsExactly("impersonate");
            impersonatesNamedServiceAccountsOnly(rule);
            assertThat(rule.getResourceNames()).containsExactly("deployer");
        });
        assertThat(tenant.typed("RoleBinding", RoleBinding.class))
                .filteredOn(binding -> binding.getSubjects().stream()
                        .anyMatch(subject -> subject.getName().equals("deployer")))
                .singleElement()
                .satisfies(binding -> {
                    assertThat(binding.getMetadata().getNamespace()).isEqualTo("team-a");
                    assertThat(binding.getRoleRef().getName()).isEqualTo("plumbline-deployer");
                });
        assertThat(tenant.ofKind("ClusterRoleBinding").toList()).isEmpty();
        JsonNode projectObject = tenant.ofKind("Project").findFirst().orElseThrow();
        assertThat(Projects.parse(projectObject).serviceAccount()).hasToString("deployer");
        JsonNode project = projectObject.path("spec");
        assertThat(project.path("serviceAccount").asText()).isEqualTo("deployer");
        assertThat(project.path("destinations").findValuesAsText("namespace")).allMatch(ns -> ns.startsWith("team-a"));
    }

    private static void impersonatesNamedServiceAccountsOnly(PolicyRule rule) {
        assertThat(rule.getVerbs()).as("verbs of %s", rule).containsExactly("impersonate");
        assertThat(rule.getApiGroups()).as("apiGroups of %s", rule).containsExactly("");
        assertThat(rule.getResources()).as("resources of %s", rule).containsExactly("serviceaccounts");
        assertThat(rule.getResourceNames()).as("resourceNames of %s", rule).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheReconcilerMayWriteToTheCluster(Overlay overlay) {
        for (PlumblineService service : PlumblineService.values()) {
            if (service != PlumblineService.RECONCILER) {
                assertThat(rulesOf(overlay.render(), service))
                        .as("%s: %s's rules", overlay, service)
                        .allSatisfy(rule -> assertThat(rule.getVerbs()).doesNotContainAnyElementsOf(WRITE));
            }
        }
    }

    /** Every rule granted to a service's account, through Roles and ClusterRoles, aggregation resolved. */
    static List<PolicyRule> rulesOf(Manifests manifests, PlumblineService service) {
        List<PolicyRule> rules = new ArrayList<>();
        for (RoleBinding binding : manifests.typed("RoleBinding", RoleBinding.class)) {
            if (grantsTo(binding.getSubjects(), service)) {
                rules.addAll(rulesOf(manifests, binding.getRoleRef()));
            }
        }
        for (ClusterRoleBinding binding : manifests.typed("ClusterRoleBinding", ClusterRoleBinding.class)) {
            if (grantsTo(binding.getSubjects(), service)) {
                rules.addAll(rulesOf(manifests, binding.getRoleRef()));
            }
        }
        return rules;
    }

    private static List<PolicyRule> rulesOf(Manifests manifests, RoleRef ref) {
        if (ref.getKind().equals("Role")) {
            return manifests.typed("Role", ref.getName(), Role.class).getRules();
        }
        ClusterRole role = manifests.typed("ClusterRole", ref.getName(), ClusterRole.class);
        List<PolicyRule> rules = new ArrayList<>(role.getRules());
        if (role.getAggregationRule() != null) {
            for (var selector : role.getAggregationRule().getClusterRoleSelectors()) {
                assertThat(selector.getMatchExpressions()).isEmpty();
                manifests.typed("ClusterRole", ClusterRole.class).stream()
                        .filter(other -> labelled(other.getMetadata().getLabels(), selector.getMatchLabels()))
                        .forEach(other -> rules.addAll(other.getRules()));
            }
        }
        return rules;
    }

    private static boolean labelled(Map<String, String> labels, Map<String, String> wanted) {
        return labels != null && labels.entrySet().containsAll(wanted.entrySet());
    }

    private static boolean grantsTo(List<Subject> subjects, PlumblineService service) {
        return subjects.stream()
                .anyMatch(subject -> subject.getKind().equals("ServiceAccount")
                        && subject.getName().equals(service.id())
                        && "plumbline".equals(subject.getNamespace()));
    }

    private static List<RoleRef> roleRefs(Manifests manifests) {
        return Stream.concat(
                        manifests.typed("RoleBinding", RoleBinding.class).stream()
                                .map(RoleBinding::getRoleRef),
                        manifests.typed("ClusterRoleBinding", ClusterRoleBinding.class).stream()
                                .map(ClusterRoleBinding::getRoleRef))
                .toList();
    }
}
