package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.RbacFixture.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens, who may impersonate whom, and the access reviews kubectl auth can-i sends. */
class AuthenticationAndImpersonationTest {

    private static EmbeddedKubeApi api;
    private static KubernetesClient alice;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubeApi()
                .withToken("alice-token", "alice", "developers")
                .start();
        KubernetesClient admin = api.client();
        admin.resource("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}")
                .create();
        admin.resource("""
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: Role
                        metadata: {name: deployer, namespace: team-a}
                        rules:
                        - apiGroups: [""]
                          resources: [configmaps]
                          verbs: [create, patch, get, list, watch]
                        """).create();
        admin.resource("""
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: RoleBinding
                        metadata: {name: deployer, namespace: team-a}
                        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
                        subjects: [{kind: ServiceAccount, name: deployer, namespace: team-a}]
                        """).create();
        alice = api.tokenClient("alice-token");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static KubernetesClient aliceImpersonating(String user) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(api.url())
                .withOauthToken("alice-token")
                .withImpersonateUsername(user)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertThatThrownBy(() -> api.tokenClient("stolen")
                        .configMaps()
                        .inNamespace("team-a")
                        .list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getStatus().getReason()).isEqualTo("Unauthorized");
                    assertThat(e.getStatus().getMessage()).isEqualTo("Unauthorized");
                });
    }

    @Test
    void aTokenUserGetsDiscoveryButNothingElseUnlessBound() {
        assertThat(alice.getKubernetesVersion().getMajor()).isEqualTo("1");
        assertThat(alice.getApiGroups().getGroups()).isNotEmpty();
        assertForbidden(
                () -> alice.configMaps().inNamespace("team-a").list(),
                "configmaps is forbidden: User \"alice\" cannot list resource \"configmaps\" in API group \"\" in the "
                        + "namespace \"team-a\"");
    }

    @Test
    void impersonatingNeedsTheImpersonateVerbOnWhatIsImpersonated() {
        try (KubernetesClient asDeployer = aliceImpersonating("system:serviceaccount:team-a:deployer");
                KubernetesClient asBob = aliceImpersonating("bob")) {
            assertForbidden(
                    () -> asDeployer.configMaps().inNamespace("team-a").list(),
                    "serviceaccounts \"deployer\" is forbidden: User \"alice\" cannot impersonate resource "
                            + "\"serviceaccounts\" in API group \"\" in the namespace \"team-a\"");
            assertForbidden(
                    () -> asBob.configMaps().inNamespace("team-a").list(),
                    "users \"bob\" is forbidden: User \"alice\" cannot impersonate resource \"users\" in API group "
                            + "\"\" at the cluster scope");

            api.client().resource("""
                            apiVersion: rbac.authorization.k8s.io/v1
                            kind: Role
                            metadata: {name: impersonate-deployer, namespace: team-a}
                            rules:
                            - apiGroups: [""]
                              resources: [serviceaccounts]
                              resourceNames: [deployer]
                              verbs: [impersonate]
                            """).create();
            api.client().resource("""
                            apiVersion: rbac.authorization.k8s.io/v1
                            kind: RoleBinding
                            metadata: {name: developers-impersonate-deployer, namespace: team-a}
                            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: impersonate-deployer}
                            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: developers}]
                            """).create();
            assertThat(asDeployer.configMaps().inNamespace("team-a").list().getItems())
                    .isNotNull();
        }
    }

    @Test
    void groupsWithoutAUserAreRefusedAsKubernetesDoes() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/namespaces/team-a/configmaps"))
                                .header("Impersonate-Group", "admins")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .isEqualTo("Internal Server Error: \"/api/v1/namespaces/team-a/configmaps\": requested "
                        + "[{Group  admins    }] without impersonating a user\n");
    }

    @Test
    void aSelfSubjectAccessReviewAnswersForTheImpersonatedUser() {
        KubernetesClient deployer = api.impersonatingClient("system:serviceaccount:team-a:deployer");
        SubjectAccessReviewStatus delete = deployer.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(review("delete"))
                .getStatus();
        assertThat(delete.getAllowed()).isFalse();
        SubjectAccessReviewStatus create = deployer.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(review("create"))
                .getStatus();
        assertThat(create.getAllowed()).isTrue();
        assertThat(create.getReason())
                .isEqualTo("RBAC: allowed by RoleBinding \"deployer/team-a\" of Role \"deployer\" to ServiceAccount "
                        + "\"deployer/team-a\"");
    }

    @Test
    void aSubjectAccessReviewAsksAboutAnotherUserAsGiven() {
        SubjectAccessReviewStatus status = api.client()
                .authorization()
                .v1()
                .subjectAccessReview()
                .create(new SubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withUser("system:serviceaccount:team-a:deployer")
                        .withNewResourceAttributes()
                        .withNamespace("team-a")
                        .withVerb("patch")
                        .withResource("configmaps")
                        .endResourceAttributes()
                        .endSpec()
                        .build())
                .getStatus();
        assertThat(status.getAllowed()).isTrue();
        assertForbidden(
                () -> alice.authorization()
                        .v1()
                        .subjectAccessReview()
                        .create(new SubjectAccessReviewBuilder()
                                .withNewSpec()
                                .withUser("bob")
                                .withNewNonResourceAttributes()
                                .withPath("/version")
                                .withVerb("get")
                                .endNonResourceAttributes()
                                .endSpec()
                                .build()),
                "subjectaccessreviews.authorization.k8s.io is forbidden: User \"alice\" cannot create resource "
                        + "\"subjectaccessreviews\" in API group \"authorization.k8s.io\" at the cluster scope");
    }

    @Test
    void aSelfSubjectRulesReviewListsWhatTheUserMayDoInANamespace() {
        var status = api.impersonatingClient("system:serviceaccount:team-a:deployer")
                .authorization()
                .v1()
                .selfSubjectRulesReview()
                .create(new SelfSubjectRulesReviewBuilder()
                        .withNewSpec()
                        .withNamespace("team-a")
                        .endSpec()
                        .build())
                .getStatus();
        assertThat(status.getResourceRules())
                .extracting(ResourceRule::getResources, ResourceRule::getVerbs)
                .contains(tuple(List.of("configmaps"), List.of("create", "patch", "get", "list", "watch")));
        assertThat(status.getNonResourceRules())
                .flatExtracting(NonResourceRule::getNonResourceURLs)
                .contains("/api", "/version");
    }

    @Test
    void theBootstrapPolicyIsStoredAsInACluster() {
        ClusterRoleBinding clusterAdmin = api.client()
                .rbac()
                .clusterRoleBindings()
                .withName("cluster-admin")
                .get();
        assertThat(clusterAdmin.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("Group");
            assertThat(subject.getName()).isEqualTo("system:masters");
        });
        assertThat(api.client()
                        .rbac()
                        .clusterRoles()
                        .withName("system:discovery")
                        .get())
                .isNotNull();
    }

    private static SelfSubjectAccessReview review(String verb) {
        return new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withNamespace("team-a")
                .withVerb(verb)
                .withResource("configmaps")
                .endResourceAttributes()
                .endSpec()
                .build();
    }
}
