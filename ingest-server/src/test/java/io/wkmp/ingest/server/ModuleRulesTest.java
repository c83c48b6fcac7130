package io.wkmp.ingest.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The rules between the modules, checked where all of them are on the class path (core's own rules, JDK only and no
 * package cycles, are in ingest-core): the adapters never reach into the server, and every core interface that the
 * adapters, the server or the testkit implement is a port, in core.port.
 */
class ModuleRulesTest {
    private static final String PORTS = "io.wkmp.ingest.core.port";
    /**
     * The sample stream the ports carry (an {@code AudioDecoder} pushes into one; a {@code FlavorSource}'s file
     * flavours is one): a value of core.audio, like {@code PcmBlock}, that core's analysis below the ports is built
     * on, not a port.
     */
    private static final String PCM_STREAM = "io.wkmp.ingest.core.audio.PcmConsumer";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wkmp.ingest");

    @Test
    void theAdaptersNeverDependOnTheServer() {
        noClasses()
                .that()
                .resideInAPackage("io.wkmp.ingest.adapters..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.wkmp.ingest.server..")
                .because("the server is a thin shell over the adapters' wiring, never the other way round")
                .check(CLASSES);
    }

    @Test
    void theCoreInterfacesImplementedOutsideCoreArePorts() {
        classes()
                .that()
                .resideInAnyPackage("io.wkmp.ingest.adapters..", "io.wkmp.ingest.server..", "io.wkmp.ingest.testkit..")
                .should(implementCoreInterfacesOnlyFrom(PORTS))
                .because("a reader finds what the outside provides to core in one place")
                .check(CLASSES);
    }

    @Test
    void theRulesSeeEveryModule() {
        // guards against rules that pass because they imported nothing
        assertThat(CLASSES.contain("io.wkmp.ingest.core.port.LibraryStore")).isTrue();
        assertThat(CLASSES.contain("io.wkmp.ingest.adapters.wiring.WkmpIngest")).isTrue();
        assertThat(CLASSES.contain("io.wkmp.ingest.adapters.sqlite.SqliteLibraryStore"))
                .isTrue();
        assertThat(CLASSES.contain("io.wkmp.ingest.server.IngestServer")).isTrue();
    }

    private static ArchCondition<JavaClass> implementCoreInterfacesOnlyFrom(String ports) {
        return new ArchCondition<>("implement only core interfaces that are in " + ports) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaClass i : c.getAllRawInterfaces()) {
                    String pkg = i.getPackageName();
                    if (pkg.startsWith("io.wkmp.ingest.core")
                            && !pkg.equals(ports)
                            && !i.getName().equals(PCM_STREAM)) {
                        events.add(SimpleConditionEvent.violated(
                                c, c.getName() + " implements " + i.getName() + ", which is not in " + ports));
                    }
                }
            }
        };
    }
}
