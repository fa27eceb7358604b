package dev.plumbline.cli.faults;

import static org.awaitility.Awaitility.await;

import dev.plumbline.cli.connect.KafkaClientSettings;
import dev.plumbline.cli.messaging.EventLog;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The drift-auditor instance holding an app is killed while the app is paused, or while the drift-auditor fights
 * another writer over one of its fields; the other instance takes the app over and must go on as the first would
 * have: report without healing while paused, and leave the fought field alone without a second fight alert.
 */
final class HandOvers {

    /** The app the pause row pauses, and the one the fight row fights over: changed by no commit but the last. */
    static final String PAUSED = CommitStream.heldApps().get(0);

    static final String FOUGHT = CommitStream.heldApps().get(1);
    private static final Duration STEP = Duration.ofSeconds(90);
    /** How long a drift that must not be healed is watched staying. */
    private static final Duration LEFT_ALONE = Duration.ofSeconds(20);

    private static final int MOST_EDITS_TO_FIGHT = 8;

    private HandOvers() {}

    static Injection.Done pause(FaultContext context) {
        List<String> forgotten = new ArrayList<>();
        require(context.plumb(
                "app", "pause", PAUSED, "--reason", "fault suite: pause across a hand-over", "--for", "1h"));
        await().atMost(STEP)
                .until(() -> context.system()
                        .live
                        .application(PAUSED)
                        .flatMap(view -> view.selfHealPause())
                        .isPresent());
        try (EventLog alerts = alerts(context)) {
            String killed = handOver(context, PAUSED);
            context.system().live.editByHand(AppFleet.NAMESPACE, AppFleet.configMap(PAUSED), "greeting", "paused");
            Optional<DriftDetected> alert = alerts.await(DriftDetected.class, d -> PAUSED.equals(d.app()), STEP);
            if (alert.isEmpty()) {
                forgotten.add("pause: no drift alert for the paused app " + PAUSED + " after " + killed + " died");
            } else if (alert.get().pause() == null) {
                forgotten.add("pause: the drift alert of " + PAUSED + " after " + killed + " died names no pause: "
                        + alert.get());
            }
            if (!leftAlone(context, PAUSED)) {
                forgotten.add("pause: " + PAUSED + " was healed while paused, after " + killed + " died");
            }
            context.system().stack.start(killed);
            require(context.plumb("app", "resume", PAUSED));
            return new Injection.Done(
                    "paused " + PAUSED + ", SIGKILL its drift-auditor " + killed + ", drift by hand, resumed",
                    java.time.Instant.now(),
                    forgotten);
        }
    }

    static Injection.Done fight(FaultContext context) {
        List<String> forgotten = new ArrayList<>();
        try (EventLog alerts = alerts(context)) {
            int edits = startFight(context, alerts);
            String killed = handOver(context, FOUGHT);
            context.system().live.editByHand(AppFleet.NAMESPACE, AppFleet.configMap(FOUGHT), "greeting", "fought");
            if (!leftAlone(context, FOUGHT)) {
                forgotten.add("fight: " + FOUGHT + "'s fought field was healed again after " + killed + " died");
            }
            List<SelfHealFight> fights = alerts.all(SelfHealFight.class, f -> FOUGHT.equals(f.app()));
            if (fights.size() > 1) {
                forgotten.add("fight: told " + fights.size() + " times: " + fights);
            }
            context.system().stack.start(killed);
            return new Injection.Done(
                    "a fight over " + FOUGHT + " (" + edits + " hand edits), SIGKILL its drift-auditor " + killed
                            + ", another hand edit",
                    java.time.Instant.now(),
                    forgotten);
        }
    }

    /** Edits the same field by hand after each heal until the drift-auditor calls it a fight; returns the edits. */
    private static int startFight(FaultContext context, EventLog alerts) {
        var live = context.system().live;
        for (int edit = 1; edit <= MOST_EDITS_TO_FIGHT; edit++) {
            live.editByHand(AppFleet.NAMESPACE, AppFleet.configMap(FOUGHT), "greeting", "by hand " + edit);
            await().atMost(STEP)
                    .until(() -> fightTold(alerts)
                            || AppFleet.GREETING.equals(live.configMap(AppFleet.NAMESPACE, AppFleet.configMap(FOUGHT))
                                    .orElseThrow()
                                    .getData()
                                    .get("greeting")));
            if (fightTold(alerts)) {
                return edit;
            }
        }
        throw new AssertionError("no SelfHealFight for " + FOUGHT + " after " + MOST_EDITS_TO_FIGHT + " hand edits");
    }

    private static boolean fightTold(EventLog alerts) {
        return !alerts.all(SelfHealFight.class, f -> FOUGHT.equals(f.app())).isEmpty();
    }

    /** Kills the drift-auditor holding {@code app} and waits until the other instance holds it; returns the killed. */
    private static String handOver(FaultContext context, String app) {
        String owner = await().atMost(STEP)
                .until(() -> context.driftAuditorOf(app), Optional::isPresent)
                .orElseThrow();
        context.system().stack.kill(owner);
        await().atMost(STEP)
                .until(() -> context.driftAuditorOf(app)
                        .filter(other -> !other.equals(owner))
                        .isPresent());
        return owner;
    }

    /** Whether the hand edit of {@code app} stays for {@link #LEFT_ALONE}: not healed. */
    private static boolean leftAlone(FaultContext context, String app) {
        try {
            await().during(LEFT_ALONE)
                    .atMost(LEFT_ALONE.plusSeconds(10))
                    .until(() -> context.fleet().drifted(List.of(app)).size() == 1);
            return true;
        } catch (ConditionTimeoutException healed) {
            return false;
        }
    }

    private static EventLog alerts(FaultContext context) {
        return new EventLog(
                KafkaClientSettings.from(context.system().stack.environment()), List.of(Topics.DRIFT_ALERTS));
    }

    private static void require(Plumb.Run run) {
        if (run.exitCode() != 0) {
            throw new AssertionError("plumb failed (" + run.exitCode() + "): " + run.out() + run.err());
        }
    }
}
