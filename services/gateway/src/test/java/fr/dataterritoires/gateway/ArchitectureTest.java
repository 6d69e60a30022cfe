package fr.dataterritoires.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import fr.dataterritoires.testing.architecture.ArchitectureRules;

/** The dependency rules of DESIGN.md §3 over this service's production classes. */
class ArchitectureTest {

    @Test
    void layersKeepTheirDirections() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.dataterritoires.gateway");
        // no domain package: the token-bucket rule is the platform's (platform.ratelimit, ADR 0018)
        assertThat(classes.containPackage("fr.dataterritoires.gateway.application")).isTrue();
        for (ArchRule rule : ArchitectureRules.dataTerritoires().all()) {
            rule.check(classes);
        }
    }
}
