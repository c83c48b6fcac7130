package io.wkmp.ingest.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No cycles between core's packages: a reader can take them bottom up (time, audio, catalog, ... then the ports,
 * then identify, analysis, pipeline, engine) and each makes sense with only what is below it.
 */
class PackageCyclesTest {

    @Test
    void coresPackagesAreFreeOfCycles() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wkmp.ingest.core");
        slices().matching("io.wkmp.ingest.core.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package cycle means neither package can be read, tested or moved without the other")
                .check(core);
    }
}
