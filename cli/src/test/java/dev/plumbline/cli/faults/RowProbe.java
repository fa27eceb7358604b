package dev.plumbline.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.plumbline.cli.connect.KafkaClientSettings;
import dev.plumbline.cli.messaging.EventLog;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.sandbox.kube.TrafficSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one row saw, from the moment it began: the apply actions, drift alerts and audit records on the bus, the
 * requests Slack and the webhook receiver answered, and the API server's applies. {@link #check} turns them into a
 * {@link Tally}.
 */
final class RowProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FaultStack system;
    private final EventLog events;
    private final long unchangedAppliesBefore;

    RowProbe(FaultStack system) {
        this.system = system;
        system.slack.resetRequests();
        system.receiver.resetRequests();
        this.unchangedAppliesBefore =
                system.kubeApi.traffic().unchangedApplies().size();
        this.events = new EventLog(
                KafkaClientSettings.from(system.stack.environment()),
                List.of(Topics.APPLY_ACTIONS, Topics.DRIFT_ALERTS, Topics.AUDIT));
    }

    /** A count that grows while the system still has something to say: deliveries and records seen. */
    List<Integer> activity() {
        return List.of(
                system.slack.getAllServeEvents().size(),
                system.receiver.getAllServeEvents().size(),
                events.all(AuditRecord.class, r -> true).size(),
                events.all(ApplyAction.class, a -> true).size());
    }

    /** Whether Slack took as many distinct messages as the webhook receiver: both hear every occasion. */
    boolean slackCaughtUp() {
        long slack = answeredOk(system.slack).stream()
                .map(e -> e.getRequest().getBodyAsString())
                .distinct()
                .count();
        long webhook = answeredOk(system.receiver).stream()
                .map(e -> String.valueOf(e.getRequest().getHeader("X-Plumbline-Delivery")))
                .distinct()
                .count();
        return slack >= webhook;
    }

    Tally check(AppFleet fleet, List<String> editedByHand) {
        Tally tally = new Tally();
        tally.lost("apps not at their last commit", fleet.notAtHead().size(), fleet.notAtHead());
        tally.lost("hand edits not healed", fleet.drifted(editedByHand).size(), fleet.drifted(editedByHand));
        checkApplyOrder(fleet, tally);
        checkDuplicateApplies(tally);
        List<JsonNode> told = checkWebhook(tally);
        checkSlack(tally, told.size());
        checkDriftAlerts(editedByHand, told, tally);
        checkNewRevisionsTold(fleet, told, tally);
        checkAudit(tally);
        tally.note("seen: " + events.all(ApplyAction.class, a -> true).size() + " apply actions, "
                + events.all(DriftDetected.class, d -> true).size() + " drift alerts, "
                + events.all(AuditRecord.class, r -> true).size() + " audit records, " + told.size()
                + " webhook deliveries, " + answeredOk(system.slack).size() + " Slack messages");
        return tally;
    }

    /** Each app's successful applies name commits in the order they were pushed: a later one never goes back. */
    private void checkApplyOrder(AppFleet fleet, Tally tally) {
        Map<String, Integer> order = fleet.commitOrder();
        Map<String, List<ApplyAction>> byApp =
                events.all(ApplyAction.class, a -> a.result() == ApplyResult.SUCCEEDED).stream()
                        .filter(a -> order.containsKey(a.revision()))
                        .collect(Collectors.groupingBy(ApplyAction::app));
        byApp.forEach((app, actions) -> {
            int newest = -1;
            for (ApplyAction action : actions) {
                int position = order.get(action.revision());
                if (position < newest) {
                    tally.lost(
                            "applies out of commit order",
                            1,
                            app + " applied commit " + position + " after commit " + newest + " (sync "
                                    + action.syncId() + ", " + action.trigger() + ")");
                }
                newest = Math.max(newest, position);
            }
        });
    }

    /** An apply after which the object was identical is a second apply of the same content: a duplicate. */
    private void checkDuplicateApplies(Tally tally) {
        TrafficSnapshot traffic = system.kubeApi.traffic();
        int ofThisRow = (int) (traffic.unchangedAppliesTotal() - unchangedAppliesBefore);
        List<TrafficSnapshot.UnchangedApply> listed = traffic.unchangedApplies();
        tally.duplicated("applies", ofThisRow, listed.subList(Math.max(0, listed.size() - ofThisRow), listed.size()));
    }

    /** The webhook deliveries answered 2xx, one per delivery id; a second one with the same id is a duplicate. */
    private List<JsonNode> checkWebhook(Tally tally) {
        List<ServeEvent> delivered = answeredOk(system.receiver);
        Map<String, Long> byDelivery = delivered.stream()
                .collect(Collectors.groupingBy(
                        e -> String.valueOf(e.getRequest().getHeader("X-Plumbline-Delivery")), Collectors.counting()));
        Map<String, Long> repeated = repeats(byDelivery);
        tally.duplicated("webhook notifications", repeatCount(repeated), repeated);
        Set<String> seen = new HashSet<>();
        return delivered.stream()
                .filter(e -> seen.add(String.valueOf(e.getRequest().getHeader("X-Plumbline-Delivery"))))
                .map(e -> json(e.getRequest().getBodyAsString()))
                .toList();
    }

    /** Slack has no delivery id: the same message twice is a duplicate; fewer messages than the webhook got, lost. */
    private void checkSlack(Tally tally, int toldByWebhook) {
        List<ServeEvent> delivered = answeredOk(system.slack);
        Map<String, Long> repeated = repeats(delivered.stream()
                .collect(Collectors.groupingBy(e -> e.getRequest().getBodyAsString(), Collectors.counting())));
        tally.duplicated("Slack messages", repeatCount(repeated), repeated.keySet());
        int distinct = (int) delivered.stream()
                .map(e -> e.getRequest().getBodyAsString())
                .distinct()
                .count();
        tally.lost(
                "Slack messages",
                Math.max(0, toldByWebhook - distinct),
                distinct + " distinct Slack messages for " + toldByWebhook + " webhook deliveries");
    }

    /** One alert per episode's growth, and every hand edit alerted and told. */
    private void checkDriftAlerts(List<String> editedByHand, List<JsonNode> told, Tally tally) {
        List<DriftDetected> alerts = events.all(DriftDetected.class, d -> true);
        Map<String, Long> repeated = repeats(alerts.stream()
                .collect(Collectors.groupingBy(
                        d -> d.app() + " episode " + d.episodeId() + " " + d.objects(), Collectors.counting())));
        tally.duplicated("drift alerts", repeatCount(repeated), repeated.keySet());
        Set<String> alerted = alerts.stream().map(DriftDetected::app).collect(Collectors.toSet());
        List<String> notAlerted =
                editedByHand.stream().filter(app -> !alerted.contains(app)).toList();
        tally.lost("hand edits without a drift alert", notAlerted.size(), notAlerted);
        Set<String> toldDrift = told.stream()
                .filter(n -> "drift-detected".equals(n.path("trigger").asText()))
                .map(n -> n.path("app").asText() + "@" + n.path("revision").asText())
                .collect(Collectors.toSet());
        List<String> untold = alerts.stream()
                .map(d -> d.app() + "@" + d.revision())
                .distinct()
                .filter(key -> !toldDrift.contains(key))
                .toList();
        tally.lost("drift alerts not told", untold.size(), untold);
    }

    /** Every app's newest commit, deployed, is told as sync-succeeded. */
    private void checkNewRevisionsTold(AppFleet fleet, List<JsonNode> told, Tally tally) {
        Set<String> toldSyncs = told.stream()
                .filter(n -> "sync-succeeded".equals(n.path("trigger").asText()))
                .map(n -> n.path("app").asText() + "@" + n.path("revision").asText())
                .collect(Collectors.toSet());
        Set<String> deployedThisRow = events.all(ApplyAction.class, a -> a.result() == ApplyResult.SUCCEEDED).stream()
                .map(a -> a.app() + "@" + a.revision())
                .collect(Collectors.toSet());
        List<String> untold = fleet.expectedRevisions().entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue())
                .filter(deployedThisRow::contains)
                .filter(key -> !toldSyncs.contains(key))
                .sorted()
                .toList();
        tally.lost("syncs not told", untold.size(), untold);
    }

    /** {@code plumb audit verify} passes, and no source event was recorded twice as the same action. */
    private void checkAudit(Tally tally) {
        Map<String, Long> repeated = repeats(events.all(AuditRecord.class, r -> r.sourceEventId() != null).stream()
                .collect(Collectors.groupingBy(
                        r -> r.app() + " " + r.action() + " of " + r.sourceEventId(), Collectors.counting())));
        tally.duplicated("audit records", repeatCount(repeated), repeated.keySet());
        // a record may still be on its way to the Application's head as the trail is read: asked again a few times
        Plumb.Run verify = null;
        for (int attempt = 1; attempt <= 3 && (verify == null || verify.exitCode() != 0); attempt++) {
            verify = Plumb.run(system.stack.environment(), "audit", "verify");
        }
        // a chain broken in an earlier row stays broken: only what this row broke counts against it
        Set<String> problems = AuditProblems.in(verify.out() + verify.err());
        Set<String> newProblems = new HashSet<>(problems);
        newProblems.removeAll(system.auditProblemsSeen);
        system.auditProblemsSeen.addAll(problems);
        if (verify.exitCode() != 0 && (problems.isEmpty() || !newProblems.isEmpty())) {
            tally.lost("audit chains broken", Math.max(1, newProblems.size()), verify.out() + verify.err());
        }
    }

    private static List<ServeEvent> answeredOk(WireMockServer server) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() / 100 == 2)
                .toList();
    }

    private static Map<String, Long> repeats(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static int repeatCount(Map<String, Long> repeated) {
        return repeated.values().stream().mapToInt(n -> (int) (n - 1)).sum();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook receiver got a body that is not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        events.close();
    }
}
