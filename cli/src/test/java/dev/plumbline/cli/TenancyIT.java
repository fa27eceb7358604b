package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.PlumbCli;
import dev.plumbline.events.AuditRecord;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.signing.ssh.SshSignerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two teams on the started system, each with its Project: team-a's Applications get what an administrator granted
 * team-a and nothing more, checked by Plumbline and, through impersonation, by the Kubernetes API.
 */
@Tag("system")
@ExtendWith(StartedSystem.Starter.class)
@TestMethodOrder(OrderAnnotation.class)
class TenancyIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final PersonIdent DANA = new PersonIdent("Dana Berg", "dana@team-a.example");

    static StartedSystem system;
    static LiveSystem live;
    static ConfigRepository teamA;
    static ConfigRepository teamB;

    @BeforeAll
    static void twoTeams() {
        system = StartedSystem.get();
        live = system.live;
        for (String team : new String[] {"team-a", "team-b"}) {
            live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + team + "\n");
        }
        // team-a's deployer may write ConfigMaps in team-a, but not delete them
        live.apply("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: deployer, namespace: team-a}
                """);
        live.apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: deployer, namespace: team-a}
                rules:
                  - apiGroups: [""]
                    resources: [configmaps]
                    verbs: [get, list, watch, create, update, patch]
                """);
        live.apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: deployer, namespace: team-a}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
                subjects: [{kind: ServiceAccount, name: deployer, namespace: team-a}]
                """);
        // as the issue writes it, plus the ServiceAccount
        live.apply("""
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: team-a, namespace: plumbline}
                spec:
                  sourceRepos: ["http://127.0.0.1:*/team-a*.git"]
                  destinations: [{namespace: "team-a*"}]
                  clusterResources: []
                  namespaceResources: {deny: [{group: apps, kind: DaemonSet}]}
                  serviceAccount: deployer
                """);
        live.apply("""
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: team-b, namespace: plumbline}
                spec:
                  sourceRepos: ["http://127.0.0.1:*/team-b.git"]
                  destinations: [{namespace: team-b}]
                """);
        teamA = ConfigRepository.create(live.gitServer(), "team-a", system.runDir.resolve("team-a"));
        teamA.write("into-team-b/settings.yaml", configMap("team-b", "settings"))
                .write("into-kube-system/settings.yaml", configMap("kube-system", "team-a-settings"))
                .write("cluster-role/role.yaml", """
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: ClusterRole
                        metadata: {name: team-a-admin}
                        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
                        """)
                .write("daemonset/agent.yaml", """
                        apiVersion: apps/v1
                        kind: DaemonSet
                        metadata: {name: node-agent, namespace: team-a}
                        spec:
                          selector: {matchLabels: {app: node-agent}}
                          template:
                            metadata: {labels: {app: node-agent}}
                            spec:
                              containers: [{name: agent, image: busybox, volumeMounts: [{name: host, mountPath: /host}]}]
                              volumes: [{name: host, hostPath: {path: /}}]
                        """)
                .write("web/keep.yaml", configMap("team-a", "keep"))
                .write("web/old.yaml", configMap("team-a", "old"))
                .commitAndPush(DANA, "team-a: apps");
        teamB = ConfigRepository.create(live.gitServer(), "team-b", system.runDir.resolve("team-b"));
        teamB.write("app/settings.yaml", configMap("team-b", "team-b-settings")).commitAndPush(DANA, "team-b: app");
    }

    @Test
    @Order(1)
    void anAppOfTeamAThatReachesOutsideItsProjectChangesNothingAndSaysWhy() {
        Map<String, String> refusedBecause = Map.of(
                "a-into-team-b", "namespace \"team-b\" is not among project \"team-a\"'s destinations",
                "a-into-kube-system", "namespace \"kube-system\" is not among project \"team-a\"'s destinations",
                "a-cluster-role", "cluster-scoped kind ClusterRole.rbac.authorization.k8s.io is not in project",
                "a-daemonset", "kind DaemonSet.apps is denied by project \"team-a\"'s namespaceResources.deny");
        refusedBecause
                .keySet()
                .forEach(app -> live.apply(application(app, "team-a", teamA.url(), app.substring(2), "team-a")));

        refusedBecause.forEach((app, reason) -> await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(live.application(app).flatMap(a -> a.condition("ResourceNotPermitted")))
                        .as(app)
                        .hasValueSatisfying(condition -> assertThat(String.valueOf(condition.get("message")))
                                .contains(reason))));
        assertThat(live.configMap("team-b", "settings")).isEmpty();
        assertThat(live.configMap("kube-system", "team-a-settings")).isEmpty();
        assertThat(live.cluster().rbac().clusterRoles().withName("team-a-admin").get())
                .isNull();
        assertThat(live.cluster()
                        .apps()
                        .daemonSets()
                        .inNamespace("team-a")
                        .withName("node-agent")
                        .get())
                .isNull();
        PlumbCli.Outcome appGet = system.plumb().run("app", "get", "a-daemonset");
        assertThat(appGet.out()).contains("team-a", "ResourceNotPermitted", "DaemonSet");
    }

    @Test
    @Order(2)
    void anAppNamingAnotherTeamsRepositoryIsNeverFetchedUntilMovedToAProjectThatAllowsIt() throws Exception {
        live.apply(application("borrowed", "team-a", teamB.url(), "app", "team-b"));

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(
                                live.application("borrowed").flatMap(a -> a.condition("SourceNotPermitted")))
                        .hasValueSatisfying(condition -> assertThat(String.valueOf(condition.get("message")))
                                .contains(teamB.url(), "project \"team-a\"", "sourceRepos")));
        JsonNode teamBRepository = repository(teamB.url());
        assertThat(teamBRepository.path("lastFetch").isMissingNode())
                .as("team-b.git fetched: %s", teamBRepository)
                .isTrue();
        assertThat(teamBRepository.path("watchedRefs")).isEmpty();
        assertThat(teamBRepository.path("refusedApplications").findValuesAsText("app"))
                .containsExactly("borrowed");
        assertThat(live.configMap("team-b", "team-b-settings")).isEmpty();

        live.apply(application("borrowed", "team-b", teamB.url(), "app", "team-b"));

        await().atMost(WITHIN)
                .until(() -> live.configMap("team-b", "team-b-settings").isPresent());
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(
                                live.application("borrowed").orElseThrow().syncStatus())
                        .isEqualTo("synced"));
        assertThat(live.application("borrowed").orElseThrow().condition("SourceNotPermitted"))
                .isEmpty();
    }

    @Test
    @Order(3)
    void pruneAsAServiceAccountWithoutDeleteFailsNamingItAndDeletesNothing() {
        live.apply(application("a-web", "team-a", teamA.url(), "web", "team-a"));
        await().atMost(WITHIN)
                .until(() -> live.configMap("team-a", "keep").isPresent()
                        && live.configMap("team-a", "old").isPresent());

        teamA.delete("web/old.yaml").commitAndPush(DANA, "web: old settings are gone");
        assertThat(system.webhook().pushed(teamA.url(), "main").accepted()).isTrue();

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(live.application("a-web").flatMap(a -> a.condition("Forbidden")))
                        .hasValueSatisfying(condition -> assertThat(String.valueOf(condition.get("message")))
                                .contains("delete", "ConfigMap", "system:serviceaccount:team-a:deployer")));
        assertThat(live.configMap("team-a", "old")).isPresent();
        assertThat(live.configMap("team-a", "keep")).isPresent();
    }

    @Test
    @Order(4)
    void aProjectThatRequiresSignedCommitsDeploysOnlyThoseSignedWithItsKey() throws Exception {
        KeyPair keys = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Path privateKey = system.runDir.resolve("dana-signing-key");
        try (OutputStream out = Files.newOutputStream(privateKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, "dana@laptop", null, out);
        }
        String fingerprint = KeyUtils.getFingerPrint(keys.getPublic());
        live.apply("""
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: team-signed, namespace: plumbline}
                spec:
                  sourceRepos: ["http://127.0.0.1:*/team-signed.git"]
                  destinations: [{namespace: team-signed}]
                  signatureKeys: ["%s dana@laptop"]
                """.formatted(PublicKeyEntry.toString(keys.getPublic())));
        live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-signed\n");
        ConfigRepository repo = ConfigRepository.create(
                        live.gitServer(), "team-signed", system.runDir.resolve("signed"))
                .signingWith(new SshSignerFactory().create(), privateKey.toString());
        String signed = repo.write("app/settings.yaml", configMap("team-signed", "greeting"))
                .commitAndPush(DANA, "greeting, signed");

        live.apply(application("signed-app", "team-signed", repo.url(), "app", "team-signed"));
        await().atMost(WITHIN)
                .until(() -> live.application("signed-app")
                        .filter(app -> app.isSyncedAt(signed))
                        .isPresent());

        String unsigned = repo.signingWith(null, null)
                .write("app/settings.yaml", configMap("team-signed", "greeting").replace("team-a", "nobody"))
                .commitAndPush(DANA, "greeting, unsigned");
        assertThat(system.webhook().pushed(repo.url(), "main").accepted()).isTrue();

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(
                                live.application("signed-app").flatMap(a -> a.condition("UnsignedCommit")))
                        .hasValueSatisfying(condition -> assertThat(String.valueOf(condition.get("message")))
                                .contains(unsigned.substring(0, 7), "Dana Berg", "team-signed")));
        assertThat(live.configMap("team-signed", "greeting").orElseThrow().getData())
                .containsEntry("owner", "team-a");
        assertThat(live.application("signed-app").orElseThrow().revision()).isEqualTo(signed);
        AuditRecord deployed = live.events()
                .await(
                        AuditRecord.class,
                        record -> "signed-app".equals(record.app())
                                && signed.equals(record.revision())
                                && record.details() != null
                                && record.details().has("commitSignature"),
                        WITHIN)
                .orElseThrow(() -> new AssertionError("no audit record of signed-app names the signer of " + signed));
        assertThat(deployed.details().path("commitSignature").path("key").asText())
                .isEqualTo(fingerprint);
        assertThat(deployed.details().path("commitSignature").path("verdict").asText())
                .isEqualTo("good");
    }

    /** The git-watcher's view of one repository, from {@code GET /api/repos}. */
    private static JsonNode repository(String url) throws Exception {
        HttpResponse<String> repos = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(system.stack.environment().get("GIT_WATCHER_URL") + "/api/repos"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(repos.statusCode()).isEqualTo(200);
        for (JsonNode repository : new ObjectMapper().readTree(repos.body())) {
            if (url.equals(repository.path("url").asText())) {
                return repository;
            }
        }
        throw new AssertionError("GET /api/repos does not list " + url + ": " + repos.body());
    }

    private static String application(String name, String project, String repoUrl, String path, String namespace) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: %s}
                spec:
                  project: %s
                  source: {repoURL: "%s", targetRevision: main, path: %s}
                  destination: {namespace: %s}
                  syncPolicy: {automated: {prune: true}}
                """.formatted(name, LiveSystem.APPLICATIONS_NAMESPACE, project, repoUrl, path, namespace);
    }

    private static String configMap(String namespace, String name) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %s, namespace: %s}
                data: {owner: team-a}
                """.formatted(name, namespace);
    }
}
