package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.deploy.StrimziTypes.AclRule;
import dev.plumbline.deploy.StrimziTypes.KafkaUser;
import dev.plumbline.events.kafka.BusAcls;
import dev.plumbline.events.topic.BusAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi overlay's KafkaUsers and compose's ACL script are what {@link BusAccessFiles} makes from BusAccess,
 * and each grants every principal exactly the ACLs of {@link BusAcls}, read back from the file itself.
 */
class BusAccessFilesTest {

    private static final Pattern ACL_COMMAND =
            Pattern.compile("(?m)^\\s*\"\\$acls\" \"\\$@\" --add --allow-principal (User:\\S+)((?: \\S+)+)$");
    private static final Pattern USERS = Pattern.compile("(?m)^PLUMBLINE_KAFKA_USERS=\\(([^)]*)\\)$");

    @Test
    void theCommittedKafkaUsersAndComposeScriptAreWhatBusAccessMakes() {
        assertGenerated(BusAccessFiles.KAFKA_USERS, BusAccessFiles.kafkaUsers());
        assertGenerated(BusAccessFiles.COMPOSE_SCRIPT, BusAccessFiles.composeScript());
    }

    @Test
    void theStrimziOverlayHasOneScramKafkaUserPerPrincipalGrantingExactlyItsAcls() {
        List<KafkaUser> users = Overlay.STRIMZI
                .render()
                .ofKind("KafkaUser")
                .map(object -> StrimziTypes.parse(object, KafkaUser.class))
                .toList();

        assertThat(users.stream().map(user -> user.metadata().name()))
                .containsExactlyInAnyOrderElementsOf(BusAccess.users());
        Set<AclBinding> granted = new HashSet<>();
        for (KafkaUser user : users) {
            assertThat(user.metadata().namespace()).as(user.metadata().name()).isEqualTo("plumbline");
            assertThat(user.metadata().labels()).containsEntry("strimzi.io/cluster", "plumbline");
            assertThat(user.spec().authentication().type()).isEqualTo("scram-sha-512");
            assertThat(user.spec().authorization().type()).isEqualTo("simple");
            for (AclRule rule : user.spec().authorization().acls()) {
                assertThat(rule.type()).as("only allow rules").isIn(null, "allow");
                assertThat(rule.host()).as("from any host").isIn(null, "*");
                ResourcePattern resource = new ResourcePattern(
                        ResourceType.fromString(rule.resource().type()),
                        rule.resource().name(),
                        switch (rule.resource().patternType()) {
                            case "literal" -> PatternType.LITERAL;
                            case "prefix" -> PatternType.PREFIXED;
                            default ->
                                throw new AssertionError(
                                        "patternType " + rule.resource().patternType());
                        });
                rule.operations()
                        .forEach(operation ->
                                granted.add(allow("User:" + user.metadata().name(), resource, operation)));
            }
        }
        assertThat(granted).containsExactlyInAnyOrderElementsOf(BusAcls.all());
    }

    @Test
    void composesScriptCreatesEveryPrincipalAndGrantsExactlyItsAcls() {
        String script = Repo.read(BusAccessFiles.COMPOSE_SCRIPT);
        Matcher users = USERS.matcher(script);
        assertThat(users.find())
                .as("PLUMBLINE_KAFKA_USERS in " + BusAccessFiles.COMPOSE_SCRIPT)
                .isTrue();
        assertThat(users.group(1).split(" ")).containsExactlyElementsOf(BusAccess.users());

        List<AclBinding> granted = new ArrayList<>();
        Matcher command = ACL_COMMAND.matcher(script);
        while (command.find()) {
            granted.addAll(bindings(command.group(1), command.group(2).trim().split(" ")));
        }
        assertThat(granted).containsExactlyInAnyOrderElementsOf(BusAcls.all());
    }

    /** The bindings one {@code kafka-acls.sh --add} adds: every operation on every resource it names. */
    private static List<AclBinding> bindings(String principal, String[] arguments) {
        List<String> operations = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        PatternType patternType = PatternType.LITERAL;
        for (int i = 0; i < arguments.length; i += 2) {
            String value = arguments[i + 1];
            switch (arguments[i]) {
                case "--operation" -> operations.add(value);
                case "--topic" -> topics.add(value);
                case "--group" -> groups.add(value);
                case "--resource-pattern-type" -> patternType = PatternType.valueOf(value.toUpperCase(Locale.ROOT));
                default -> throw new AssertionError("an option the test does not know: " + Arrays.toString(arguments));
            }
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (String operation : operations) {
            for (String topic : topics) {
                bindings.add(allow(principal, new ResourcePattern(ResourceType.TOPIC, topic, patternType), operation));
            }
            for (String group : groups) {
                bindings.add(allow(principal, new ResourcePattern(ResourceType.GROUP, group, patternType), operation));
            }
        }
        return bindings;
    }

    private static AclBinding allow(String principal, ResourcePattern resource, String operation) {
        return new AclBinding(
                resource,
                new AccessControlEntry(principal, "*", SecurityUtils.operation(operation), AclPermissionType.ALLOW));
    }

    private static void assertGenerated(String relative, String generated) {
        if (Boolean.getBoolean(BusAccessFiles.REGENERATE_PROPERTY)) {
            try {
                Files.createDirectories(Repo.path(relative).getParent());
                Files.writeString(Repo.path(relative), generated);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(Files.isRegularFile(Repo.path(relative)) ? Repo.read(relative) : "")
                .as(relative + " is not what BusAccess makes; regenerate it:\n  " + BusAccessFiles.REGENERATE)
                .isEqualTo(generated);
    }
}
