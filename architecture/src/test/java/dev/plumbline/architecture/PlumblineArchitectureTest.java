package dev.plumbline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layering rules of {@link LayeringRules} over the main code of every module (tests are free to mix). The rules
 * are test methods rather than {@code @ArchTest} fields because Surefire's {@code -Dtest} filter selects methods
 * only: a field rule would silently not run under {@code -Dtest='*Architecture*'}.
 */
@AnalyzeClasses(packages = "dev.plumbline", importOptions = ImportOption.DoNotIncludeTests.class)
class PlumblineArchitectureTest {

    private static final LayeringRules PLUMBLINE = new LayeringRules("dev.plumbline", LayeringRules.PLUMBLINE_MODULES);

    @ArchTest
    static void noModuleHasAPackageCycle(JavaClasses classes) {
        PLUMBLINE.noPackageCycles().check(classes);
    }

    @ArchTest
    static void kafkaTypesAreUsedOnlyInMessagingPackages(JavaClasses classes) {
        PLUMBLINE.kafkaOnlyInMessaging().check(classes);
    }

    @ArchTest
    static void engineAndEventsFreeOfQuarkusAndJakarta(JavaClasses classes) {
        PLUMBLINE.frameworkFreeCore().check(classes);
    }

    @ArchTest
    static void servicesNeverDependOnOneAnother(JavaClasses classes) {
        PLUMBLINE.servicesIndependent().check(classes);
    }

    @ArchTest
    static void sandboxOnlyFromTheCli(JavaClasses classes) {
        PLUMBLINE.sandboxOnlyFromCli().check(classes);
    }

    /** The rules above would pass on nothing at all: this fails when a module's classes were not read. */
    @ArchTest
    static void everyModuleIsRead(JavaClasses classes) {
        Set<String> modules = classes.stream()
                .map(JavaClass::getPackageName)
                .map(name -> name.split("\\.")[2])
                .collect(Collectors.toSet());
        assertThat(modules).containsExactlyInAnyOrderElementsOf(LayeringRules.PLUMBLINE_MODULES);
    }
}
