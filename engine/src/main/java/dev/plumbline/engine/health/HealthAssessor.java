package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.Map;

/**
 * The health of one live object, by its kind's rule. Kinds without a rule are healthy once they exist; an object
 * that does not exist is missing; one being deleted is progressing until it is gone. The rules follow Argo CD's
 * health checks, which Plumbline's users know; docs/engine.md lists them.
 */
public final class HealthAssessor {

    private static final Map<GroupKind, KindHealth> RULES = Map.ofEntries(
            Map.entry(new GroupKind("apps", "Deployment"), new DeploymentHealth()),
            Map.entry(new GroupKind("apps", "StatefulSet"), new StatefulSetHealth()),
            Map.entry(new GroupKind("apps", "DaemonSet"), new DaemonSetHealth()),
            Map.entry(new GroupKind("apps", "ReplicaSet"), new ReplicaSetHealth()),
            Map.entry(new GroupKind("", "Pod"), new PodHealth()),
            Map.entry(new GroupKind("", "Service"), LoadBalancerHealth.forServices()),
            Map.entry(new GroupKind("networking.k8s.io", "Ingress"), LoadBalancerHealth.forIngresses()),
            Map.entry(new GroupKind("", "PersistentVolumeClaim"), new PersistentVolumeClaimHealth()),
            Map.entry(new GroupKind("batch", "Job"), new JobHealth()),
            Map.entry(new GroupKind("batch", "CronJob"), new CronJobHealth()),
            Map.entry(new GroupKind("autoscaling", "HorizontalPodAutoscaler"), new HorizontalPodAutoscalerHealth()));

    private HealthAssessor() {}

    /** @param live the live object with its status, or null when it does not exist */
    public static ObjectHealth assess(JsonNode live) {
        if (live == null || live.isNull() || live.isMissingNode()) {
            return new ObjectHealth(HealthStatus.MISSING, "the object does not exist");
        }
        if (live.path("metadata").hasNonNull("deletionTimestamp")) {
            return ObjectHealth.progressing("Pending deletion");
        }
        KindHealth rule = RULES.get(ObjectIdentityReader.identityOf(live).groupKind());
        return rule == null ? ObjectHealth.healthy("") : rule.assess(live);
    }
}
