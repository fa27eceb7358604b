package dev.plumbline.deploy;

import dev.plumbline.events.kafka.BusAcls;
import dev.plumbline.events.topic.BusAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * The deployment's copies of who may do what on the Kafka bus, made from {@link BusAccess} through {@link BusAcls}
 * so that there is one source: the Strimzi overlay's {@code KafkaUser}s and the script docker-compose.yml runs to
 * create the same users and ACLs on its own broker. Kustomize and compose read only files, so both are committed;
 * {@code BusAccessFilesTest} fails when they differ from what this class makes and regenerates them on request.
 */
final class BusAccessFiles {

    static final String KAFKA_USERS = "deploy/overlays/strimzi/kafka-users.yaml";
    static final String COMPOSE_SCRIPT = "deploy/compose/bus-access.sh";
    static final String REGENERATE_PROPERTY = "plumbline.regenerate";
    static final String REGENERATE = "./mvnw -B -pl deploy -am verify -Dtest=BusAccessFilesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -D" + REGENERATE_PROPERTY + "=true";

    /** The namespace the services and their KafkaUsers (and so the users' Secrets) live in. */
    static final String NAMESPACE = "plumbline";
    /** The Strimzi Kafka cluster the users belong to. */
    static final String CLUSTER = "plumbline";

    private static final String GENERATED = "Generated from dev.plumbline.events.topic.BusAccess (through BusAcls) by\n"
            + "deploy/src/test/java/dev/plumbline/deploy/BusAccessFiles.java. Do not edit: change BusAccess, then run\n"
            + "  " + REGENERATE + "\n";

    private BusAccessFiles() {}

    /** One KafkaUser per principal: SCRAM-SHA-512, and exactly its ACLs. */
    static String kafkaUsers() {
        StringBuilder yaml = new StringBuilder(comment(GENERATED
                + "One KafkaUser per principal of the bus, in Plumbline's namespace, which the User Operator watches\n"
                + "(kafka/kafka.yaml). Strimzi keeps each one's password in the Secret plumbline-kafka-<user>, keys\n"
                + "password and sasl.jaas.config; the Deployments read sasl.jaas.config from it."));
        for (BusAccess access : BusAccess.all()) {
            yaml.append("---\n")
                    .append("apiVersion: ")
                    .append(StrimziTypes.VERSION)
                    .append("\nkind: KafkaUser\nmetadata:\n  name: ")
                    .append(access.user())
                    .append("\n  namespace: ")
                    .append(NAMESPACE)
                    .append("\n  labels:\n    strimzi.io/cluster: ")
                    .append(CLUSTER)
                    .append("\nspec:\n  authentication:\n    type: scram-sha-512\n")
                    .append("  authorization:\n    type: simple\n    acls:\n");
            operationsByResource(access)
                    .forEach((resource, operations) -> yaml.append("      - resource:\n")
                            .append("          type: ")
                            .append(resource.resourceType() == ResourceType.TOPIC ? "topic" : "group")
                            .append("\n          name: ")
                            .append(resource.name())
                            .append("\n          patternType: ")
                            .append(resource.patternType() == PatternType.PREFIXED ? "prefix" : "literal")
                            .append("\n        operations: [")
                            .append(String.join(", ", operations))
                            .append("]\n"));
        }
        return yaml.toString();
    }

    /**
     * A bash file for compose's one-shot services: the user names (each gets a SCRAM credential when the broker's
     * storage is formatted) and {@code apply_acls}, which adds every ACL with kafka-acls.sh, one command per set of
     * resources that share their operations.
     */
    static String composeScript() {
        StringBuilder script = new StringBuilder(comment(GENERATED
                + "The principals of the Kafka bus and their ACLs, for docker-compose.yml: kafka-setup.sh gives every\n"
                + "user in PLUMBLINE_KAFKA_USERS a SCRAM-SHA-512 credential when it formats the broker's storage, and\n"
                + "the kafka-acls service runs apply_acls. Adding an ACL that exists changes nothing; an ACL that\n"
                + "BusAccess no longer grants stays until it is removed with kafka-acls.sh --remove."));
        script.append("\nPLUMBLINE_KAFKA_USERS=(")
                .append(String.join(" ", BusAccess.users()))
                .append(")\n\n")
                .append("# apply_acls OPTIONS...: the options say how kafka-acls.sh reaches the broker as its admin,\n")
                .append("# e.g. --bootstrap-server kafka:9092 --command-config admin.properties\n")
                .append("apply_acls() {\n")
                .append("  local acls=\"${KAFKA_HOME:-/opt/kafka}/bin/kafka-acls.sh\"\n");
        for (BusAccess access : BusAccess.all()) {
            script.append("  # ").append(access.principal()).append('\n');
            Map<String, List<ResourcePattern>> byOperations = new TreeMap<>();
            operationsByResource(access)
                    .forEach((resource, operations) -> byOperations
                            .computeIfAbsent(
                                    resource.resourceType() + " " + resource.patternType() + " " + operations,
                                    key -> new ArrayList<>())
                            .add(resource));
            byOperations.values().forEach(resources -> {
                ResourcePattern first = resources.get(0);
                script.append("  \"$acls\" \"$@\" --add --allow-principal ").append(access.principal());
                operationsByResource(access)
                        .get(first)
                        .forEach(operation -> script.append(" --operation ").append(operation));
                if (first.patternType() == PatternType.PREFIXED) {
                    script.append(" --resource-pattern-type prefixed");
                }
                String option = first.resourceType() == ResourceType.TOPIC ? " --topic " : " --group ";
                resources.forEach(resource -> script.append(option).append(resource.name()));
                script.append('\n');
            });
        }
        return script.append("}\n").toString();
    }

    /** The resources a principal may use, each with its operations by Kafka's names (Read, DescribeConfigs). */
    static Map<ResourcePattern, List<String>> operationsByResource(BusAccess access) {
        Map<ResourcePattern, TreeSet<String>> operations = new LinkedHashMap<>();
        for (AclBinding binding : BusAcls.bindings(access)) {
            operations
                    .computeIfAbsent(binding.pattern(), pattern -> new TreeSet<>())
                    .add(operationName(binding.entry().operation()));
        }
        return operations.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> List.copyOf(entry.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    static String operationName(AclOperation operation) {
        return SecurityUtils.operationName(operation);
    }

    private static String comment(String text) {
        return text.lines().map(line -> line.isEmpty() ? "#" : "# " + line).collect(Collectors.joining("\n", "", "\n"));
    }
}
