package dev.plumbline.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;

/**
 * The fields of Strimzi's {@code kafka.strimzi.io/v1} resources that deploy/ uses, named as in Strimzi's API
 * (io.strimzi:api 1.2.0), parsed strictly: a field that is not here fails. Strimzi's own model classes need Java 21,
 * so they cannot be used in a Java 17 build; growing these records is the price of a new field.
 */
final class StrimziTypes {

    static final String GROUP = "kafka.strimzi.io";
    static final String VERSION = GROUP + "/v1";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrimziTypes() {}

    /** The Strimzi object as its record; an unknown kind, version or field fails. */
    static Object parse(JsonNode object) {
        if (!VERSION.equals(object.path("apiVersion").asText())) {
            throw new AssertionError(Manifests.describe(object) + ": use " + VERSION);
        }
        Class<?> type = switch (object.path("kind").asText()) {
            case "Kafka" -> Kafka.class;
            case "KafkaNodePool" -> KafkaNodePool.class;
            case "KafkaTopic" -> KafkaTopic.class;
            case "KafkaUser" -> KafkaUser.class;
            default -> throw new AssertionError(Manifests.describe(object) + ": not a Strimzi kind deploy/ knows");
        };
        return parse(object, type);
    }

    static <T> T parse(JsonNode object, Class<T> type) {
        try {
            return STRICT.treeToValue(object, type);
        } catch (Exception e) {
            throw new AssertionError(
                    Manifests.describe(object) + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {}

    record Kafka(String apiVersion, String kind, Metadata metadata, KafkaSpec spec) {}

    record KafkaSpec(KafkaClusterSpec kafka, EntityOperatorSpec entityOperator) {}

    record KafkaClusterSpec(
            String version,
            String metadataVersion,
            List<Listener> listeners,
            KafkaAuthorization authorization,
            Map<String, Object> config) {}

    record Listener(
            String name,
            int port,
            ListenerType type,
            boolean tls,
            ListenerAuthentication authentication,
            List<NetworkPolicyPeer> networkPolicyPeers) {}

    record ListenerAuthentication(String type) {}

    record KafkaAuthorization(String type, List<String> superUsers) {}

    enum ListenerType {
        internal,
        route,
        loadbalancer,
        nodeport,
        ingress,
        cluster_ip
    }

    record EntityOperatorSpec(Map<String, Object> topicOperator, UserOperatorSpec userOperator) {}

    record UserOperatorSpec(String watchedNamespace, String secretPrefix) {}

    record KafkaNodePool(String apiVersion, String kind, Metadata metadata, KafkaNodePoolSpec spec) {}

    record KafkaNodePoolSpec(int replicas, List<ProcessRole> roles, Storage storage, ResourceRequirements resources) {}

    enum ProcessRole {
        controller,
        broker
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Storage(
            StorageType type, String size, Boolean deleteClaim, KraftMetadata kraftMetadata, String storageClass) {}

    enum StorageType {
        ephemeral,
        @com.fasterxml.jackson.annotation.JsonProperty("persistent-claim")
        persistentClaim,
        jbod
    }

    enum KraftMetadata {
        shared
    }

    record KafkaTopic(String apiVersion, String kind, Metadata metadata, KafkaTopicSpec spec) {}

    record KafkaTopicSpec(String topicName, Integer partitions, Integer replicas, Map<String, Object> config) {}

    record KafkaUser(String apiVersion, String kind, Metadata metadata, KafkaUserSpec spec) {}

    record KafkaUserSpec(KafkaUserAuthentication authentication, KafkaUserAuthorization authorization) {}

    record KafkaUserAuthentication(String type) {}

    record KafkaUserAuthorization(String type, List<AclRule> acls) {}

    record AclRule(AclRuleResource resource, List<String> operations, String host, String type) {}

    record AclRuleResource(String type, String name, String patternType) {}
}
