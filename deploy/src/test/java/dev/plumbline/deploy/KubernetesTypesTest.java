package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The strict parsing the overlay tests rely on catches what fabric8 alone would let through. */
class KubernetesTypesTest {

    @Test
    void aMisspelledFieldDeepInADeploymentIsFound() {
        JsonNode deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: typo
                          image: example
                          readinesProbe:
                            httpGet: {path: /q/health/ready, port: 8080}
                """).objects().get(0);

        assertThat(KubernetesTypes.unknownFields(KubernetesTypes.parseAsItsType(deployment)))
                .singleElement()
                .asString()
                .contains("containers[0]")
                .contains("readinesProbe");
    }

    @Test
    void aKindTheModelDoesNotKnowFails() {
        JsonNode unknown = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deploymint
                metadata:
                  name: typo
                """).objects().get(0);

        assertThatThrownBy(() -> KubernetesTypes.parseAsItsType(unknown)).hasMessageContaining("Deploymint");
    }

    @Test
    void aStrimziFieldOutsideItsApiFails() {
        JsonNode topic = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  topicName: t
                  partition: 6
                """).objects().get(0);

        assertThatThrownBy(() -> StrimziTypes.parse(topic)).hasMessageContaining("partition");
    }
}
