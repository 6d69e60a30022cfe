package fr.dataterritoires.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import fr.dataterritoires.testing.architecture.ArchitectureRules;

/**
 * The dependency rules of DESIGN.md §3 over every production class of the suite: this module
 * sees all libs (and each service module once it is added to this pom's dependencies).
 */
class ArchitectureTest {

    @Test
    void everyModuleKeepsTheDependencyDirections() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.dataterritoires");
        // Guard against an empty import, which would make every rule pass vacuously.
        assertThat(classes.containPackage("fr.dataterritoires.platform")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.platform.errors.rules")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.contracts.datasetsearch.v1")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.datasetsearch.domain")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.roadmaps.domain")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.exchanges.domain")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.commonscalls.domain")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.replication.domain")).isTrue();
        // the gateway has no domain of its own: its token-bucket rule is the platform's (ADR 0018)
        assertThat(classes.containPackage("fr.dataterritoires.gateway.application")).isTrue();
        assertThat(classes.containPackage("fr.dataterritoires.portal.domain")).isTrue();
        for (ArchRule rule : ArchitectureRules.dataTerritoires().all()) {
            rule.check(classes);
        }
    }
}
