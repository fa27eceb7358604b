package dev.plumbline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each layering rule fails on the deliberate violation in the fixture package, and names it; and it does not
 * report the allowed uses beside it. Without this, a rule with a wrong package pattern would pass on anything.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "dev.plumbline.architecture.fixture";
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);
    private static final LayeringRules RULES = new LayeringRules(
            FIXTURE,
            List.of(
                    "cycle",
                    "layered",
                    "service",
                    "events",
                    "engine",
                    "renderer",
                    "reconciler",
                    "notifier",
                    "sandbox",
                    "cli"));

    @Test
    void aPackageCycleIsReported() {
        List<String> violations = violations(RULES.noPackageCycles());

        assertThat(violations).anyMatch(text -> text.contains("cycle.a") && text.contains("cycle.b"));
        assertThat(violations).noneMatch(text -> text.contains("service") || text.contains("sandbox"));
    }

    @Test
    void aCycleThroughAModulesOwnPackageIsReported() {
        List<String> violations = violations(RULES.noPackageCycles());

        assertThat(violations)
                .anyMatch(text -> text.contains("Slice layered ->") && text.contains("Slice layered.leaf"));
    }

    @Test
    void kafkaOutsideMessagingIsReported() {
        List<String> violations = violations(RULES.kafkaOnlyInMessaging());

        assertThat(violations)
                .anyMatch(text ->
                        text.contains("ProducerInRest") && text.contains("org.apache.kafka.clients.producer.Producer"));
        assertThat(violations)
                .noneMatch(text -> text.contains("ProducerInMessaging"))
                .noneMatch(text -> text.contains("TextSerializer"));
    }

    @Test
    void quarkusOrJakartaInTheCoreIsReported() {
        List<String> violations = violations(RULES.frameworkFreeCore());

        assertThat(violations)
                .anyMatch(text -> text.contains("StartupInEngine") && text.contains("io.quarkus.runtime.StartupEvent"));
        assertThat(violations)
                .anyMatch(
                        text -> text.contains("StartupInEngine") && text.contains("jakarta.enterprise.event.Observes"));
    }

    @Test
    void aServiceUsingAnotherServicesClassIsReported() {
        List<String> violations = violations(RULES.servicesIndependent());

        assertThat(violations)
                .anyMatch(text -> text.contains("ReachesIntoReconciler") && text.contains("ReconcilerInternals"));
        assertThat(violations).noneMatch(text -> text.contains("Broker"));
    }

    @Test
    void theSandboxInAServiceIsReportedButNotInTheCli() {
        List<String> violations = violations(RULES.sandboxOnlyFromCli());

        assertThat(violations).anyMatch(text -> text.contains("StartsSandbox") && text.contains("Broker"));
        assertThat(violations).noneMatch(text -> text.contains("RunsSandbox"));
    }

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);
        assertThat(result.hasViolation())
                .as("%s reports the fixture's violation", rule.getDescription())
                .isTrue();
        return result.getFailureReport().getDetails();
    }
}
