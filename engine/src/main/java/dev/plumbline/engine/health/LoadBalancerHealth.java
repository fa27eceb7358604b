package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * core/Service and networking.k8s.io/Ingress: healthy once the load balancer reports an address. Only a Service of
 * type LoadBalancer waits for one; every other Service is healthy as soon as it exists.
 */
final class LoadBalancerHealth implements KindHealth {

    private final boolean servicesOnlyOfTypeLoadBalancer;

    private LoadBalancerHealth(boolean servicesOnlyOfTypeLoadBalancer) {
        this.servicesOnlyOfTypeLoadBalancer = servicesOnlyOfTypeLoadBalancer;
    }

    static LoadBalancerHealth forServices() {
        return new LoadBalancerHealth(true);
    }

    static LoadBalancerHealth forIngresses() {
        return new LoadBalancerHealth(false);
    }

    @Override
    public ObjectHealth assess(JsonNode live) {
        if (servicesOnlyOfTypeLoadBalancer
                && !"LoadBalancer".equals(live.path("spec").path("type").asText())) {
            return ObjectHealth.healthy("");
        }
        JsonNode ingress = live.path("status").path("loadBalancer").path("ingress");
        if (ingress.isArray() && !ingress.isEmpty()) {
            return ObjectHealth.healthy("");
        }
        return ObjectHealth.progressing("Waiting for the load balancer to report an address");
    }
}
