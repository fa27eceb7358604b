package dev.plumbline.notifier.occasion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.notifier.aggregate.Aggregator;
import dev.plumbline.notifier.template.MessageTemplates;
import dev.plumbline.notifier.template.RenderedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RefusalOccasionsTest {

    private static final String SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5";
    private static final ObjectIdentity MINER = ObjectIdentity.namespaced("apps/v1", "DaemonSet", "team-a", "miner");
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "team-a", "web");
    private static final String DENIED =
            "kind DaemonSet.apps is denied by project \"team-a\"'s namespaceResources.deny apps/DaemonSet";
    private static final Instant NOW = Instant.now();

    private final OccasionDerivation derivation = new OccasionDerivation(Duration.ofMinutes(10));
    private final Optional<ApplicationSpec> teamA = Optional.of(EventSamples.applicationSpec()
            .withProject(new ProjectPolicy("team-a", true, 1, null, null, null, null, null, null)));

    @Test
    void aRefusedSyncIsOneSyncRefusedListingTheRefusedObjectsWithTheRuleFirst() {
        derivation.derive(
                action("s1", WEB, ApplyResult.SKIPPED, "not applied: another object was refused", 1, 2), teamA, NOW);
        Occurrence refused =
                only(derivation.derive(action("s1", MINER, ApplyResult.REFUSED, DENIED, 2, 2), teamA, NOW));

        assertThat(refused.occasion()).isEqualTo(NotificationOccasion.SYNC_REFUSED);
        assertThat(refused.objects()).extracting(ObjectLine::object).containsExactly(MINER, WEB);
        assertThat(refused.objects().get(0).status()).isEqualTo("refused");
        assertThat(refused.objects().get(0).details()).containsExactly(DENIED);
        assertThat(refused.facts())
                .containsEntry("project", "team-a")
                .containsEntry("refused", "the sync of 9f8e7d6")
                .containsEntry("rule", DENIED);
        assertThat(refused.outcome()).startsWith("1 of 2 objects lie outside what the project allows");
    }

    @Test
    void theSameRefusalAgainAtTheNextReconcileIsNotToldTwiceButARefusalAfterASuccessIs() {
        only(derivation.derive(action("s1", MINER, ApplyResult.REFUSED, DENIED, 1, 1), teamA, NOW));

        assertThat(derivation
                        .derive(action("s2", MINER, ApplyResult.REFUSED, DENIED, 1, 1), teamA, NOW)
                        .occurrences())
                .isEmpty();

        derivation.derive(action("s3", WEB, ApplyResult.SUCCEEDED, null, 1, 1), teamA, NOW);
        assertThat(only(derivation.derive(action("s4", MINER, ApplyResult.REFUSED, DENIED, 1, 1), teamA, NOW))
                        .occasion())
                .isEqualTo(NotificationOccasion.SYNC_REFUSED);
    }

    @Test
    void aRefusedSyncIsNotTakenForTheRevisionDeployed() {
        only(derivation.derive(action("s1", MINER, ApplyResult.REFUSED, DENIED, 1, 1), teamA, NOW));
        derivation.derive(action("s2", MINER, ApplyResult.REFUSED, DENIED, 1, 1), teamA, NOW);

        assertThat(only(derivation.derive(action("s3", WEB, ApplyResult.SUCCEEDED, null, 1, 1), teamA, NOW))
                        .occasion())
                .as("the first successful sync of the revision is news")
                .isEqualTo(NotificationOccasion.SYNC_SUCCEEDED);
    }

    @Test
    void aRepositoryTheProjectRefusesIsToldFromItsAuditRecordNamingTheProjectAndTheRule() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("repoUrl", "http://127.0.0.1:8090/team-b.git");
        details.put("project", "team-a");
        details.put("projectGeneration", 1);
        details.put(
                "reason",
                "repository http://127.0.0.1:8090/team-b.git is not among project \"team-a\"'s"
                        + " sourceRepos [http://127.0.0.1:*/team-a*.git]; an administrator can add it to the Project");

        Occurrence refused = only(derivation.derive(
                record(AuditAction.SOURCE_NOT_PERMITTED, "plumbline", null, details), Optional.empty(), NOW));

        assertThat(refused.occasion()).isEqualTo(NotificationOccasion.SYNC_REFUSED);
        assertThat(refused.facts())
                .containsEntry("project", "team-a")
                .containsEntry("refused", "repository http://127.0.0.1:8090/team-b.git")
                .containsEntry("rule", details.path("reason").asText());
        assertThat(refused.outcome()).startsWith("Plumbline fetches nothing from the repository");
    }

    @Test
    void anUnsignedCommitIsToldFromItsAuditRecordWithItsAuthor() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("project", "team-a");
        details.put("ref", "refs/heads/main");
        details.put("reason", "commit 9f8e7d6 by Ana is not signed; project \"team-a\" requires a signature");

        Occurrence refused = only(derivation.derive(
                record(AuditAction.COMMIT_REFUSED, "Ana <ana@example.com>", SHA, details), Optional.empty(), NOW));

        assertThat(refused.revision()).isEqualTo(SHA);
        assertThat(refused.changedBy()).containsExactly("Ana <ana@example.com>");
        assertThat(refused.facts())
                .containsEntry("refused", "commit 9f8e7d6 on refs/heads/main")
                .containsEntry("rule", details.path("reason").asText());
    }

    @Test
    void theAuditTrailsApplyRefusedRecordsAreNotToldAgain() {
        assertThat(derivation
                        .derive(record(AuditAction.APPLY_REFUSED, "plumbline", SHA, null), Optional.empty(), NOW)
                        .occurrences())
                .isEmpty();
    }

    @Test
    void theMessageNamesTheProjectAndTheRuleInEveryFormat() {
        Occurrence refused =
                only(derivation.derive(action("s1", MINER, ApplyResult.REFUSED, DENIED, 1, 1), teamA, NOW));
        Aggregator aggregator = new Aggregator(Duration.ZERO, Duration.ZERO);
        aggregator.add(refused, NOW);

        RenderedMessage message = new MessageTemplates(Optional.empty(), 20)
                .render(aggregator.due(NOW).get(0));

        assertThat(message.title()).isEqualTo("Project team-a refused the sync of 9f8e7d6 of app web");
        assertThat(message.text()).contains("project: team-a", "rule: " + DENIED, "DaemonSet apps/v1 team-a/miner");
        assertThat(message.markdown()).contains("*project:* team-a", "denied by project");
        assertThat(message.html()).contains("team-a", "namespaceResources.deny");
        assertThat(message.text()).doesNotContain("Exception", "\tat ");
    }

    private static ApplyAction action(
            String sync, ObjectIdentity object, ApplyResult result, String error, int index, int count) {
        return ApplyAction.of(
                "c",
                "web",
                SHA,
                sync,
                SyncTrigger.AUTOMATED,
                AuditRecord.PLUMBLINE_ACTOR,
                object,
                ApplyOperation.APPLY,
                result,
                error,
                index,
                count);
    }

    private static AuditRecord record(AuditAction action, String actor, String revision, ObjectNode details) {
        return AuditRecord.next(
                null, EventSamples.applicationSpec(), "web", action, actor, "refused", revision, List.of(), details);
    }

    private static Occurrence only(OccasionDerivation.Derivation derivation) {
        assertThat(derivation.occurrences()).hasSize(1);
        return derivation.occurrences().get(0);
    }
}
