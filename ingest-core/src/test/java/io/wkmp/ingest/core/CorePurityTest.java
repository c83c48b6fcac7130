package io.wkmp.ingest.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * ingest-core is the JDK only: every class in io.wkmp.ingest.core (compiled main classes, not tests)
 * may depend on java.* / javax.* and on core itself, nothing else.
 */
class CorePurityTest {

    @Test
    void coreDependsOnTheJdkOnly() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wkmp.ingest.core");
        ArchRule rule = classes()
                .that()
                .resideInAPackage("io.wkmp.ingest.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "io.wkmp.ingest.core..")
                .because("ingest-core holds pure domain logic behind ports (decisions.md \"Shape\")");
        rule.check(core);
    }

    @Test
    void theRuleSeesTheWholeCore() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wkmp.ingest.core");
        // guards against a rule that passes because it imported nothing
        org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(30);
        org.assertj.core.api.Assertions.assertThat(core.contain("io.wkmp.ingest.core.time.Ticks"))
                .isTrue();
    }
}
