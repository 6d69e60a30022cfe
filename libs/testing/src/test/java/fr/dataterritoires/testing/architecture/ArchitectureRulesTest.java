package fr.dataterritoires.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** The rules accept a well-layered module and catch each kind of breach in fixture packages. */
class ArchitectureRulesTest {

    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("archfixtures.good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("archfixtures.bad");

    private final ArchitectureRules good = ArchitectureRules.forRoot("archfixtures.good");
    private final ArchitectureRules bad = ArchitectureRules.forRoot("archfixtures.bad");

    @Test
    void aWellLayeredModulePassesEveryRule() {
        assertThat(GOOD.size()).isGreaterThanOrEqualTo(6);
        for (ArchRule rule : good.all()) {
            EvaluationResult result = rule.evaluate(GOOD);
            assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
        }
    }

    @Test
    void domainReachingAnAdapterIsCaught() {
        assertViolation(bad.domainIsPlainJava(), "Leaky");
    }

    @Test
    void domainReachingThePlatformOutsideItsErrorVocabularyIsCaught() {
        assertViolation(bad.domainIsPlainJava(), "Overreach");
    }

    @Test
    void domainErrorVocabularyDependingOnMoreThanTheJdkIsCaught() {
        assertViolation(bad.domainErrorsArePlainJava(), "Chatty");
    }

    @Test
    void useCaseReachingAnAdapterIsCaught() {
        assertViolation(bad.applicationDoesNotKnowAdapters(), "UseCase");
    }

    @Test
    void adapterCallingAnotherAdapterIsCaught() {
        assertViolation(bad.adaptersDoNotCallEachOther(), "Dto");
    }

    @Test
    void serviceUsingAnotherServicesCodeIsCaught() {
        assertViolation(bad.servicesDoNotShareCode(), "Borrower");
    }

    @Test
    void libraryDependingOnAServiceIsCaught() {
        assertViolation(bad.librariesDoNotDependOnServices(), "Lib");
    }

    @Test
    void productionCodeUsingAnEmbeddedEngineIsCaught() {
        assertViolation(bad.productionCodeDoesNotUseTestFixtures(), "Engine");
    }

    private static void assertViolation(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(BAD);
        assertThat(result.hasViolation()).as("rule should fail: " + rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender);
    }
}
