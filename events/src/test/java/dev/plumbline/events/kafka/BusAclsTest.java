package dev.plumbline.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.topic.BusAccess;
import dev.plumbline.events.topic.Topics;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusAclsTest {

    @Test
    void theRendererMayCreateWriteAndReconfigureRenderedManifestsButOnlyReadCommitEvents() {
        List<AclBinding> renderer = BusAcls.bindings(BusAccess.of(BusAccess.RENDERER));

        assertThat(operationsOn(renderer, Topics.RENDERED_MANIFESTS))
                .containsExactlyInAnyOrder(
                        AclOperation.CREATE,
                        AclOperation.WRITE,
                        AclOperation.READ,
                        AclOperation.DESCRIBE,
                        AclOperation.DESCRIBE_CONFIGS,
                        AclOperation.ALTER_CONFIGS);
        assertThat(operationsOn(renderer, Topics.COMMIT_EVENTS))
                .containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(operationsOn(renderer, Topics.SYNC_REQUESTS)).isEmpty();
    }

    @Test
    void theNotifierMayWriteNeitherRenderedManifestsNorSyncRequests() {
        List<AclBinding> notifier = BusAcls.bindings(BusAccess.of(BusAccess.NOTIFIER));

        assertThat(operationsOn(notifier, Topics.RENDERED_MANIFESTS)).doesNotContain(AclOperation.WRITE);
        assertThat(operationsOn(notifier, Topics.SYNC_REQUESTS)).isEmpty();
    }

    @Test
    void theCliAndTheAuditReaderMayOnlyReadAndDescribe() {
        for (String reader : List.of(BusAccess.PLUMB, BusAccess.AUDIT_READER)) {
            assertThat(BusAcls.bindings(BusAccess.of(reader)))
                    .as(reader)
                    .extracting(binding -> binding.entry().operation())
                    .containsOnly(AclOperation.READ, AclOperation.DESCRIBE);
        }
        assertThat(BusAcls.bindings(BusAccess.of(BusAccess.AUDIT_READER)))
                .filteredOn(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(binding -> binding.pattern().name())
                .containsOnly(Topics.AUDIT);
    }

    @Test
    void theCliMayDescribeTheServicesWorkSharingGroupsButNotJoinThem() {
        assertThat(BusAcls.bindings(BusAccess.of(BusAccess.PLUMB)))
                .filteredOn(binding -> binding.pattern().resourceType() == ResourceType.GROUP)
                .filteredOn(binding -> binding.pattern().name().startsWith("plumbline-"))
                .allSatisfy(group -> {
                    assertThat(group.pattern().patternType()).isEqualTo(PatternType.LITERAL);
                    assertThat(group.entry().operation()).isEqualTo(AclOperation.DESCRIBE);
                })
                .extracting(binding -> binding.pattern().name())
                .containsExactlyInAnyOrder("plumbline-reconciler", "plumbline-drift-auditor", "plumbline-notifier");
    }

    @Test
    void eachServiceMayUseTheGroupsBeginningWithItsNameAndNoOther() {
        assertThat(BusAcls.bindings(BusAccess.of(BusAccess.DRIFT_AUDITOR)))
                .filteredOn(binding -> binding.pattern().resourceType() == ResourceType.GROUP)
                .singleElement()
                .satisfies(group -> {
                    assertThat(group.pattern().name()).isEqualTo("plumbline-drift-auditor");
                    assertThat(group.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                    assertThat(group.entry().operation()).isEqualTo(AclOperation.READ);
                });
    }

    @Test
    void everyBindingAllowsOnePrincipalOnANamedTopicOrGroupAndNothingOnTheCluster() {
        assertThat(BusAcls.all()).allSatisfy(binding -> {
            assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(binding.entry().principal()).startsWith("User:").doesNotContain("*");
            assertThat(binding.pattern().resourceType()).isIn(ResourceType.TOPIC, ResourceType.GROUP);
            assertThat(binding.pattern().name()).isNotEqualTo("*");
        });
        assertThat(BusAcls.all())
                .extracting(binding -> binding.entry().principal())
                .containsOnly(BusAccess.all().stream().map(BusAccess::principal).toArray(String[]::new));
    }

    private static List<AclOperation> operationsOn(List<AclBinding> bindings, String topic) {
        return bindings.stream()
                .filter(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
                .filter(binding -> binding.pattern().name().equals(topic))
                .map(binding -> binding.entry().operation())
                .toList();
    }
}
