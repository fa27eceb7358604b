package dev.plumbline.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.DirectoryOptions;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.HelmParameter;
import dev.plumbline.events.application.IgnoreDifference;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.events.application.NotificationSubscription;
import dev.plumbline.events.application.RequestedSync;
import dev.plumbline.events.application.Retry;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncOptions;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.ApprovalSource;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.PromotionFailureReason;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.events.vocabulary.TagOrder;
import dev.plumbline.events.vocabulary.WebhookProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic event of every type, every optional part filled, so a round trip exercises every field. A new
 * event type without a sample here fails {@code EventJsonTest}.
 */
public final class EventSamples {

    static final String CORRELATION = "5f0c9a52-6a8e-4d8b-9a51-2f3c7f1b8e10";
    static final String REPO = "https://git.example.com/shop/deploy.git";
    static final String SHA_BEFORE = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    static final String SHA_AFTER = "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5";
    static final ObjectIdentity DEPLOYMENT = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    static final ObjectIdentity SECRET = ObjectIdentity.namespaced("v1", "Secret", "shop", "web-db");
    static final String IMAGE = "registry.example.com/shop/web";
    static final String IMAGE_DIGEST = "sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b";
    static final String PROMOTION = "0b6f8e1c-3d2a-4c55-9f7e-2a1d5c8b9e40";
    static final String PULL_REQUEST = "https://git.example.com/shop/deploy/pulls/42";

    private EventSamples() {}

    public static List<PlumblineEvent> all() {
        return List.copyOf(byType().values());
    }

    public static Map<EventType, PlumblineEvent> byType() {
        Map<EventType, PlumblineEvent> samples = new EnumMap<>(EventType.class);
        List.of(
                        applicationSpec(),
                        commitDetected(),
                        commitIgnored(),
                        manifestsRendered(),
                        renderFailed(),
                        diffComputed(),
                        applyAction(),
                        syncRequested(),
                        driftDetected(),
                        driftRecovered(),
                        selfHealFight(),
                        auditRecord(),
                        notificationSent(),
                        notificationDeadLettered(),
                        imageDetected(),
                        promotionProposed(),
                        promotionMerged(),
                        promotionFailed())
                .forEach(event -> samples.put(event.type(), event));
        return samples;
    }

    public static ApplicationSpec applicationSpec() {
        return applicationSpec("web");
    }

    /** The sample spec under another Application's name. */
    public static ApplicationSpec applicationSpec(String app) {
        SourceSpec source = new SourceSpec(
                REPO,
                "main",
                "apps/web",
                RendererKind.HELM,
                new HelmOptions(
                        "web",
                        List.of("values.yaml", "values-prod.yaml"),
                        "replicas: 3\n",
                        List.of(new HelmParameter("image.tag", "1.4.2")),
                        "v1.31.0",
                        List.of("monitoring.coreos.com/v1")),
                new KustomizeOptions(
                        "prod-",
                        null,
                        List.of("web=registry.example.com/web:1.4.2"),
                        Map.of("team", "shop"),
                        Map.of("owner", "shop@example.com")),
                new DirectoryOptions(true, "*.yaml", "*-test.yaml"));
        return ApplicationSpec.of(
                        app,
                        "plumbline",
                        7,
                        source,
                        Destination.of("shop"),
                        new SyncPolicy(
                                new SyncPolicy.Automated(true, true),
                                false,
                                new Retry(5, Duration.ofSeconds(5), 2, Duration.ofMinutes(3)),
                                new SyncOptions(true)),
                        DriftMode.HEAL,
                        List.of(new IgnoreDifference(
                                "apps",
                                "Deployment",
                                "web",
                                null,
                                List.of("/spec/replicas"),
                                List.of("kube-controller-manager"))),
                        List.of(new NotificationSubscription(
                                NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "shop-alerts")),
                        new SelfHealPause(Instant.parse("2026-11-27T18:00:00Z"), "ana@example.com", "incident INC-42"),
                        new RequestedSync(
                                "2026-11-27T16:00:00Z", "ben@example.com", Instant.parse("2026-11-27T16:00:00Z"), null))
                .withClusterCapabilities(
                        new ClusterCapabilities("v1.32.0", List.of("v1", "apps/v1", "apps/v1/Deployment")))
                .withProject(new ProjectPolicy(
                        "shop",
                        true,
                        3,
                        List.of("https://git.example.com/shop/*.git"),
                        List.of(
                                ProjectDestination.of("shop"),
                                new ProjectDestination(
                                        "shop-*", null, ServiceAccountRef.parse("plumbline:shop-deployer"))),
                        List.of(new KindPattern("", "Namespace")),
                        new NamespaceResources(List.of(), List.of(new KindPattern("apps", "DaemonSet"))),
                        ServiceAccountRef.parse("deployer"),
                        List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGw2 ana@example.com")))
                .withImages(List.of(
                        ImagePolicy.semver(IMAGE, "~1.4"),
                        new ImagePolicy(
                                "registry.example.com/shop/worker",
                                null,
                                "^main-(?<build>[0-9]+)$",
                                "${build}",
                                TagOrder.NUMERICAL,
                                false,
                                PromotionMode.DIRECT)));
    }

    public static CommitDetected commitDetected() {
        GitSignature author = new GitSignature("Ana Lima", "ana@example.com", Instant.parse("2026-11-27T15:00:00Z"));
        GitSignature committer =
                new GitSignature("Git Host", "noreply@example.com", Instant.parse("2026-11-27T15:01:30Z"));
        CommitInfo commit = new CommitInfo(
                SHA_AFTER,
                author,
                committer,
                "Scale web to 3\n\nReviewed-by: Ben <ben@example.com>\nSigned-off-by: Ana Lima <ana@example.com>\n",
                List.of(
                        new Trailer("Reviewed-by", "Ben <ben@example.com>"),
                        new Trailer("Signed-off-by", "Ana Lima <ana@example.com>")),
                new CommitSignature(
                        SignatureVerdict.GOOD,
                        SignatureFormat.SSH,
                        "SHA256:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA",
                        "ana@example.com"));
        return SignedEvents.byGitWatcher(CommitDetected.of(
                        CORRELATION,
                        REPO,
                        "refs/heads/main",
                        SHA_BEFORE,
                        SHA_AFTER,
                        RefUpdateKind.FAST_FORWARD,
                        List.of(commit),
                        List.of("apps/web/values-prod.yaml"),
                        FetchCause.webhook(WebhookProvider.GITHUB, "72d3162e-cc78-11e3-81ab-4c9367dc0958"),
                        new Artifact(
                                "http://git-watcher:8081/artifacts/shop/" + SHA_AFTER + ".tar.gz",
                                "3b5d5c3712955042212316173ccf37be800c3e1e58c1c3b0e7e5c4a0f9a3f1aa"))
                .withRefusals(List.of(new CommitRefusal(
                        "web-signed",
                        "shop-signed",
                        "commit " + SHA_AFTER.substring(0, 7) + " by Ana Lima is signed with SSH key"
                                + " SHA256:ZmVk..., which project \"shop-signed\" does not list"))));
    }

    public static CommitIgnored commitIgnored() {
        return CommitIgnored.of(
                CORRELATION,
                REPO,
                "refs/heads/main",
                SHA_AFTER,
                List.of("overlays/prod/web.yaml"),
                FetchCause.poll(),
                List.of(new WatchingApplication("web", "main", "overlays/production")),
                "commit 9f8e7d changed overlays/prod/web.yaml; no Application watches that path; "
                        + "Application web watches overlays/production on branch main");
    }

    public static ManifestsRendered manifestsRendered() {
        return manifestsRendered("web");
    }

    /** The sample render as the render of another app. */
    public static ManifestsRendered manifestsRendered(String app) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "apps/v1").put("kind", "Deployment");
        body.putObject("metadata")
                .put("name", "web")
                .put("namespace", "shop")
                .putObject("labels")
                .put("app.kubernetes.io/managed-by", "plumbline");
        body.putObject("spec")
                .put("replicas", 3)
                .put("paused", false)
                .putArray("args")
                .add("--port=8080")
                .add(1.5);
        return SignedEvents.byRenderer(ManifestsRendered.of(
                CORRELATION,
                app,
                7,
                applicationSpec(app).sourceDigest(),
                REPO,
                SHA_AFTER,
                "apps/web",
                RendererKind.PLAIN,
                List.of(new RenderedObject(DEPLOYMENT, body, "apps/web/deployment.yaml"))));
    }

    public static RenderFailed renderFailed() {
        return SignedEvents.byRenderer(RenderFailed.of(
                CORRELATION,
                "web",
                REPO,
                SHA_AFTER,
                "apps/web",
                RendererKind.PLAIN,
                RenderFailureReason.INVALID_MANIFEST,
                "apps/web/service.yaml line 12: mapping values are not allowed",
                "apps/web/service.yaml",
                12,
                manifestsRendered()));
    }

    public static DiffComputed diffComputed() {
        return DiffComputed.of(
                CORRELATION,
                "web",
                SHA_AFTER,
                "sha256:0a1b2c",
                SyncStatus.OUT_OF_SYNC,
                HealthStatus.PROGRESSING,
                List.of(
                        new ObjectDiff(
                                DEPLOYMENT,
                                ChangeType.UPDATE,
                                HealthStatus.HEALTHY,
                                List.of(new FieldDiff(
                                        "spec.replicas",
                                        JsonNodeFactory.instance.numberNode(2),
                                        JsonNodeFactory.instance.numberNode(3)))),
                        new ObjectDiff(
                                SECRET,
                                ChangeType.UPDATE,
                                HealthStatus.HEALTHY,
                                List.of(new FieldDiff(
                                        "data.password",
                                        JsonNodeFactory.instance.textNode("++++++++"),
                                        JsonNodeFactory.instance.textNode("+++++++++")))),
                        new ObjectDiff(
                                ObjectIdentity.clusterScoped("v1", "Namespace", "shop"),
                                ChangeType.UNCHANGED,
                                null,
                                null)));
    }

    public static ApplyAction applyAction() {
        return ApplyAction.of(
                CORRELATION,
                "web",
                SHA_AFTER,
                "sync-0007",
                SyncTrigger.AUTOMATED,
                AuditRecord.PLUMBLINE_ACTOR,
                DEPLOYMENT,
                ApplyOperation.APPLY,
                ApplyResult.FAILED,
                "admission webhook denied the request",
                2,
                3);
    }

    public static SyncRequested syncRequested() {
        return SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR,
                CORRELATION,
                "web",
                SyncTrigger.SELF_HEAL,
                "drift: spec.replicas changed by kubectl-edit",
                AuditRecord.PLUMBLINE_ACTOR,
                null,
                List.of(DEPLOYMENT));
    }

    public static DriftDetected driftDetected() {
        FieldManagerAttribution kubectl =
                new FieldManagerAttribution("kubectl-edit", "Update", Instant.parse("2026-11-27T15:10:00Z"));
        return DriftDetected.of(
                CORRELATION,
                "web",
                "drift-web-0001",
                SHA_AFTER,
                DriftMode.HEAL,
                null,
                List.of(
                        new DriftedObject(
                                DEPLOYMENT,
                                DriftKind.MODIFIED,
                                List.of(new DriftedField(
                                        "spec.replicas",
                                        JsonNodeFactory.instance.numberNode(3),
                                        JsonNodeFactory.instance.numberNode(5),
                                        kubectl))),
                        new DriftedObject(SECRET, DriftKind.DELETED, List.of())));
    }

    public static DriftRecovered driftRecovered() {
        return DriftRecovered.of(
                CORRELATION,
                "web",
                "drift-web-0001",
                Instant.parse("2026-11-27T15:10:00.250Z"),
                DriftResolution.HEALED,
                List.of(DEPLOYMENT));
    }

    public static SelfHealFight selfHealFight() {
        return SelfHealFight.of(
                CORRELATION,
                "web",
                "drift-web-0001",
                DEPLOYMENT,
                "spec.replicas",
                new FieldManagerAttribution("hpa-controller", "Update", Instant.parse("2026-11-27T15:12:00Z")),
                6,
                Duration.ofMinutes(10));
    }

    public static AuditRecord auditRecord() {
        CommitDetected commit = commitDetected();
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("committer", "Git Host <noreply@example.com>");
        details.putArray("Reviewed-by").add("Ben <ben@example.com>");
        AuditRecord first = AuditRecord.next(
                null,
                commit,
                "web",
                AuditAction.COMMIT_DETECTED,
                "Ana Lima <ana@example.com>",
                "commit 9f8e7d on main: Scale web to 3",
                SHA_AFTER,
                List.of(),
                details);
        return AuditRecord.next(
                first,
                applyAction(),
                "web",
                AuditAction.APPLY_FAILED,
                AuditRecord.PLUMBLINE_ACTOR,
                "apply of Deployment apps/v1 shop/web failed",
                SHA_AFTER,
                List.of(DEPLOYMENT),
                null);
    }

    public static NotificationSent notificationSent() {
        return NotificationSent.of(
                CORRELATION,
                "web",
                "drift-detected/web/" + SHA_AFTER + "/",
                NotificationOccasion.DRIFT_DETECTED,
                NotificationChannel.SLACK,
                "shop-alerts",
                SHA_AFTER,
                List.of(DEPLOYMENT, SECRET),
                List.of(driftDetected().eventId()));
    }

    public static NotificationDeadLettered notificationDeadLettered() {
        return NotificationDeadLettered.of(
                CORRELATION,
                "web",
                "sync-failed/web/" + SHA_AFTER + "/",
                NotificationOccasion.SYNC_FAILED,
                NotificationChannel.WEBHOOK,
                "pager",
                SHA_AFTER,
                "Sync of web failed at 9f8e7d6",
                "1 of 3 objects failed in app web",
                "{\"trigger\":\"sync-failed\",\"app\":\"web\"}",
                12,
                "HTTP 503 from webhook pager",
                Instant.parse("2026-11-27T15:20:00Z"),
                List.of(applyAction().eventId()));
    }

    public static ImageDetected imageDetected() {
        return ImageDetected.of(
                CORRELATION,
                "web",
                IMAGE,
                "1.4.3",
                IMAGE_DIGEST,
                Instant.parse("2026-11-27T14:55:00Z"),
                SHA_AFTER,
                "https://git.example.com/shop/web",
                ImageDetectionCause.registryNotification("distribution", "3f1c2b7e-9a0d-4d1e-8f5a-6b2c9d0e1f23"),
                true,
                "1.4.3 is the highest tag within ~1.4");
    }

    public static PromotionProposed promotionProposed() {
        return PromotionProposed.of(
                CORRELATION,
                "web",
                PROMOTION,
                IMAGE,
                "1.4.3",
                IMAGE_DIGEST,
                IMAGE + ":1.4.2",
                SHA_AFTER,
                "https://git.example.com/shop/web",
                REPO,
                "main",
                "plumbline/promote/web/web",
                SHA_BEFORE,
                List.of("apps/web/kustomization.yaml"),
                PULL_REQUEST,
                42,
                true,
                "shop-ci");
    }

    public static PromotionMerged promotionMerged() {
        return PromotionMerged.of(
                CORRELATION,
                "web",
                PROMOTION,
                IMAGE,
                "1.4.3",
                IMAGE_DIGEST,
                REPO,
                SHA_AFTER,
                PULL_REQUEST,
                "Ben <ben@example.com>",
                List.of("ben", "carla"),
                ApprovalSource.HOST,
                PromotionMode.PULL_REQUEST);
    }

    public static PromotionFailed promotionFailed() {
        return PromotionFailed.of(
                CORRELATION,
                "web",
                IMAGE,
                "1.4.3",
                IMAGE_DIGEST,
                PromotionFailureReason.REGISTRY_UNREACHABLE,
                "registry.example.com did not answer listing the tags of shop/web (connect timed out); trying again",
                Instant.parse("2026-11-27T15:05:00Z"));
    }
}
