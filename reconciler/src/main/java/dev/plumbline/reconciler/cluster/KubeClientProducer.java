package dev.plumbline.reconciler.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one Kubernetes client of the service: Quarkus' configuration (a kubeconfig, the in-cluster service account or
 * {@code quarkus.kubernetes-client.*}) with every request counted by verb.
 */
public class KubeClientProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    KubernetesClient client(Config config, KubernetesSerialization serialization, MeterRegistry registry) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withKubernetesSerialization(serialization)
                .withHttpClientBuilderConsumer(http ->
                        http.addOrReplaceInterceptor("plumbline-request-counter", new ApiRequestCounter(registry)))
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
