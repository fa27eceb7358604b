package dev.plumbline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * Plumbline's layering as rules over the packages under one root: {@code dev.plumbline} for the real code, and the
 * fixture's own root in {@link ArchitectureRulesTest}, which shows that each rule fails on a deliberate violation.
 * A module is the first package under the root ({@code dev.plumbline.renderer}); its code is everything below.
 */
final class LayeringRules {

    /** Every module of Plumbline, by its package under {@code dev.plumbline}. */
    static final List<String> PLUMBLINE_MODULES = List.of(
            "events",
            "engine",
            "sandbox",
            "servicekit",
            "gitwatcher",
            "renderer",
            "reconciler",
            "driftauditor",
            "notifier",
            "imageupdater",
            "cli");

    /** The services and the cli: each reaches the others through topics and HTTP, never through their classes. */
    static final List<String> SERVICES =
            List.of("gitwatcher", "renderer", "reconciler", "driftauditor", "notifier", "imageupdater", "cli");

    private static final String[] KAFKA = {"org.apache.kafka..", "io.smallrye.reactive.messaging.."};
    private static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta.."};

    private final String root;
    private final List<String> modules;

    LayeringRules(String root, List<String> modules) {
        this.root = root;
        this.modules = List.copyOf(modules);
    }

    /**
     * Every package is its own slice, so a parent and its subpackage ({@code render} and {@code render.kustomize})
     * count as two: a cycle between them is a cycle, not one package talking to itself. The module's own package
     * ({@code dev.plumbline.events}) is a slice too, which a {@code (**)} pattern would leave out. The rule runs
     * module by module: over all modules at once, ArchUnit 1.5.0 reported the cycles of some modules and not of
     * others (the renderer's and the git-watcher's went unreported), and no cycle can cross modules anyway, since
     * Maven forbids cycles between them.
     */
    ArchRule noPackageCycles() {
        return CompositeArchRule.of(
                        modules.stream().map(this::noPackageCyclesIn).toList())
                .as("no module of " + root + " has a package cycle");
    }

    private ArchRule noPackageCyclesIn(String module) {
        return slices().assignedFrom(packagesOf(module))
                .should()
                .beFreeOfCycles()
                .because("a package that depends on a package depending back on it cannot be read, tested or"
                        + " moved on its own; give the lower one a port interface instead");
    }

    /** One slice per package of the module, named by its path under the root. */
    private SliceAssignment packagesOf(String module) {
        String modulePackage = root + "." + module;
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                boolean inModule = name.equals(modulePackage) || name.startsWith(modulePackage + ".");
                return inModule ? SliceIdentifier.of(name.substring(root.length() + 1)) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + modulePackage;
            }
        };
    }

    /** The serde and the broker are the edges of events and sandbox; a service's edge is its messaging package. */
    ArchRule kafkaOnlyInMessaging() {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(root + ".*.messaging..", root + ".events.kafka..", root + ".sandbox.kafka..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(KAFKA)
                .because("Kafka and reactive messaging are edges: the rest of a module works on events and plain"
                        + " types, so it can be tested without a broker");
    }

    ArchRule frameworkFreeCore() {
        return noClasses()
                .that()
                .resideInAnyPackage(root + ".engine..", root + ".events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("engine and events are plain Java shared by every service and the cli, usable without"
                        + " Quarkus or a CDI container");
    }

    ArchRule servicesIndependent() {
        return slices().matching(root + ".(*)..")
                .namingSlices("$1")
                .that(DescribedPredicate.describe(
                        "are services " + SERVICES, (Slice slice) -> SERVICES.contains(slice.getNamePart(1))))
                .should()
                .notDependOnEachOther()
                .because("services meet only through the event contracts in events; shared logic belongs in"
                        + " engine");
    }

    ArchRule sandboxOnlyFromCli() {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(root + ".sandbox..", root + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".sandbox..")
                .because("the sandbox stands in for Kafka, Kubernetes and Git in tests and in 'plumb up'; a service"
                        + " that used it in its main code would ship a test broker");
    }
}
