package fr.dataterritoires.testing.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency directions of DESIGN.md §3, as ArchUnit rules that every module's tests (and the
 * suite-wide check in e2e-tests) apply.
 *
 * <p>Inside a service {@code <root>.<service>}: {@code domain} depends on nothing but the JDK,
 * itself, the plain-Java territory library and the platform's plain-Java error vocabulary
 * ({@value #DOMAIN_ERRORS}: RuleViolation, Checks), which itself depends on the JDK alone; {@code application} (use cases and ports) knows
 * the domain but no adapter; adapters ({@code web}, {@code grpc}, {@code persistence},
 * {@code integration}) do not call each other. No service uses another service's code: only
 * {@code libs/contracts}. Production code never depends on the embedded engines or test fixtures.
 *
 * <p>The root package is a parameter so that the rules themselves can be tested on fixture
 * packages that break them.
 */
public final class ArchitectureRules {

    /** Library packages under the root: shared by services, never a service themselves. */
    public static final List<String> LIBRARIES = List.of("contracts", "platform", "territory", "embedded", "testing");

    /**
     * The one platform package domain code may use, under the root: the domain-facing error vocabulary
     * (RuleViolation, Checks), mapped to problems and gRPC statuses by the rest of platform.errors.
     */
    public static final String DOMAIN_ERRORS = "platform.errors.rules";

    private static final List<String> ADAPTERS = List.of("web", "grpc", "persistence", "integration");

    private final String root;

    private ArchitectureRules(String root) {
        this.root = root;
    }

    /** Rules for the project's own packages. */
    public static ArchitectureRules dataTerritoires() {
        return new ArchitectureRules("fr.dataterritoires");
    }

    public static ArchitectureRules forRoot(String root) {
        return new ArchitectureRules(root);
    }

    public List<ArchRule> all() {
        return List.of(
                domainIsPlainJava(),
                domainErrorsArePlainJava(),
                applicationDoesNotKnowAdapters(),
                adaptersDoNotCallEachOther(),
                servicesDoNotShareCode(),
                librariesDoNotDependOnServices(),
                productionCodeDoesNotUseTestFixtures(),
                contractsDependOnNoOtherModule());
    }

    /** Domain code: aggregates and invariants in plain Java, no framework, no adapter. */
    public ArchRule domainIsPlainJava() {
        return classes().that().resideInAPackage(root + ".*.domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".*.domain..", root + ".territory..",
                        root + "." + DOMAIN_ERRORS + "..")
                .allowEmptyShould(true)
                .because("domain code is plain Java with the invariants in it (DESIGN.md §3)");
    }

    /** The error vocabulary domains throw stays as plain as they are: the JDK only, no Spring, no web. */
    public ArchRule domainErrorsArePlainJava() {
        return classes().that().resideInAPackage(root + "." + DOMAIN_ERRORS + "..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + "." + DOMAIN_ERRORS + "..")
                .allowEmptyShould(true)
                .because("domain code may use it, and domain code is plain Java (DESIGN.md §3)");
    }

    /** Use cases depend on ports they own, never on the adapters implementing them. */
    public ArchRule applicationDoesNotKnowAdapters() {
        return noClasses().that().resideInAPackage(root + ".*.application..")
                .should().dependOnClassesThat(resideInAnyPackage(adapterPackages())
                        .and(resideOutsideOfPackages(libraryPackages())))
                .allowEmptyShould(true)
                .because("the application layer defines ports; adapters implement them");
    }

    public ArchRule adaptersDoNotCallEachOther() {
        return slices().matching(root + ".(*).(web|grpc|persistence|integration)..")
                .namingSlices("$1 $2")
                .should().notDependOnEachOther()
                // Libraries have packages named like adapters (platform.grpc, platform.web): those are shared
                // support, not a service's adapters.
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAnyPackage(libraryPackages()))
                .ignoreDependency(resideInAnyPackage(libraryPackages()), DescribedPredicate.alwaysTrue())
                .allowEmptyShould(true)
                .because("adapters meet in the application layer, not directly");
    }

    /** A service talks to another only through contracts (gRPC, events), never through its classes. */
    public ArchRule servicesDoNotShareCode() {
        return slices().matching(root + ".(*)..")
                .namingSlices("module $1")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        resideInAnyPackage(libraryPackages()))
                .allowEmptyShould(true)
                .because("no service depends on another service's code, only on libs (DESIGN.md §3)");
    }

    public ArchRule librariesDoNotDependOnServices() {
        return classes().that().resideInAnyPackage(libraryPackages())
                .should().onlyDependOnClassesThat(
                        resideOutsideOfPackage(root + "..")
                                .or(resideInAnyPackage(libraryPackages())))
                .allowEmptyShould(true)
                .because("dependencies point one way: services -> libs");
    }

    /** Embedded engines and fixtures are for tests and local runs only. */
    public ArchRule productionCodeDoesNotUseTestFixtures() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".embedded..", root + ".testing..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".embedded..", root + ".testing..")
                .allowEmptyShould(true)
                .because("production artifacts never carry the embedded engines (DESIGN.md §6)");
    }

    public ArchRule contractsDependOnNoOtherModule() {
        return classes().that().resideInAPackage(root + ".contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax..", "com.google..", "io.grpc..", "com.fasterxml.jackson..", "tools.jackson..",
                        root + ".contracts..")
                .allowEmptyShould(true)
                .because("contracts are shared by every service and must stay free of their code");
    }

    private String[] adapterPackages() {
        return ADAPTERS.stream().map(a -> root + ".*." + a + "..").toArray(String[]::new);
    }

    private String[] libraryPackages() {
        return LIBRARIES.stream().map(l -> root + "." + l + "..").toArray(String[]::new);
    }
}
