package io.wkmp.ingest.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * ingest-core is the JDK only: every class in io.wkmp.ingest.core (compiled main classes, not tests)
 * may depend on java.* / javax.* and on core itself, nothing else. And core's packages have no cycles: a reader can
 * take them bottom up (docs/architecture.md), each making sense with only what is below it. (The rules between the
 * modules, such as every interface implemented outside core being in core.port, are in ingest-server's
 * ModuleRulesTest, which sees every module.)
 */
class CorePurityTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wkmp.ingest.core");

    @Test
    void coreDependsOnTheJdkOnly() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("io.wkmp.ingest.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "io.wkmp.ingest.core..")
                .because("ingest-core holds pure domain logic behind ports (decisions.md \"Shape\")");
        rule.check(CORE);
    }

    @Test
    void coresPackagesAreFreeOfCycles() {
        slices().matching("io.wkmp.ingest.core.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package cycle means neither package can be read, tested or moved without the other")
                .check(CORE);
    }

    @Test
    void theRuleSeesTheWholeCore() {
        // guards against a rule that passes because it imported nothing
        org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(30);
        org.assertj.core.api.Assertions.assertThat(CORE.contain("io.wkmp.ingest.core.time.Ticks"))
                .isTrue();
    }
}
