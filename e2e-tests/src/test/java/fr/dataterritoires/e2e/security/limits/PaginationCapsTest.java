package fr.dataterritoires.e2e.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.validation.constraints.Max;

/**
 * Pagination caps (issue 11 §3), suite-wide: every REST read answering a collection either takes a page size with a
 * declared maximum ({@code limit} or {@code size} with {@code @Max}: beyond it, a 400 problem naming the parameter)
 * or is listed here, with why its size is bounded, or as a known gap. A new uncapped list fails; so does an entry
 * that no longer matches (the lists stay exact).
 */
class PaginationCapsTest {

    /** Collections whose size the domain bounds, with the bound. */
    static final Map<String, String> BOUNDED = new TreeMap<>(Map.ofEntries(
            Map.entry("roadmaps GovernanceController.committees", "one committee per région (18) and the national instance"),
            Map.entry("roadmaps RoadmapController.comments", "the comments of one item of one roadmap"),
            Map.entry("roadmaps RoadmapController.versions", "the versions of one roadmap (one per submission cycle)"),
            Map.entry("commons-calls AwardController.reports", "the reports of one tranche of one award"),
            Map.entry("commons-calls CallController.decide", "the decisions of one call (not a read: POST)"),
            Map.entry("commons-calls CallController.applications", "the applications of one call"),
            Map.entry("commons-calls CallController.ranking", "the ranked applications of one call"),
            Map.entry("commons-calls CallController.publishedDecisions", "the decisions of one call"),
            Map.entry("commons-calls CallController.awards", "the awards of one call"),
            Map.entry("commons-calls ApplicationController.mine", "the applications of the caller's organisation"),
            Map.entry("commons-calls ApplicationController.assignments", "the evaluators of one application"),
            Map.entry("commons-calls FunderController.programmes", "the programmes of one funder"),
            Map.entry("commons-calls PreciputController.accounts", "one account per funder and the fund"),
            Map.entry("commons-calls PreciputController.reports", "one line per year, funder or beneficiary (totals)"),
            Map.entry("commons-calls PreciputImportController.latest", "the latest imports only (a fixed count)"),
            Map.entry("exchanges OfferController.applications", "the applications to one offer (its capacity)"),
            Map.entry("exchanges TrainingController.awaitingConsent", "the caller's employer's enrolments awaiting consent"),
            Map.entry("exchanges ApplicationController.ofEmployer", "the applications of the caller's employer's agents"),
            Map.entry("exchanges MeController.applications", "the caller's own applications"),
            Map.entry("exchanges MeController.placements", "the caller's own placements"),
            Map.entry("exchanges MeController.enrolments", "the caller's own enrolments"),
            Map.entry("replication ProgrammeController.candidacies", "the candidacies to one acceleration call"),
            Map.entry("replication InitiativeController.replications", "the replications of one initiative"),
            Map.entry("replication InitiativeController.supports", "the support one initiative received"),
            Map.entry("dataset-search SourceController.list", "the harvested sources, configured by operators")));

    /**
     * Lists that grow with the data and take no page size yet: the known gap, each to get {@code limit}/{@code offset}
     * down to its SQL (then it leaves this list, or the test fails).
     */
    static final Map<String, String> NOT_YET_CAPPED = new TreeMap<>();

    /** Lists that check their bounds in code (a 400 naming the parameter) rather than with {@code @Max}. */
    static final Map<String, String> CAPPED_IN_CODE = new TreeMap<>(Map.ofEntries(
            Map.entry("commons-calls PreciputController.journal", "size 1..200, page 0..100000 (InvalidFieldException)"),
            Map.entry("replication InitiativeController.list", "limit 1..200, offset 0..100000 (InvalidFieldException)")));

    private static final List<String> PAGE_SIZE_NAMES = List.of("limit", "size", "pageSize");

    @Test
    void everyCollectionReadHasAMaximumPageSizeOrASaidBound() throws Exception {
        List<JavaClass> controllers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.dataterritoires").stream()
                .filter(c -> c.isAnnotatedWith(RestController.class) && c.getPackageName().contains(".web")).toList();
        List<String> capped = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        for (JavaClass controller : controllers) {
            String service = service(controller.getPackageName());
            if (service == null) {
                continue; // the platform's and the gateway's own endpoints answer no business collections
            }
            for (Method method : Class.forName(controller.getName()).getDeclaredMethods()) {
                if (!isCollection(method.getGenericReturnType()) || !java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                String name = service + " " + controller.getSimpleName() + "." + method.getName();
                collections.add(name);
                if (hasCappedPageSize(method)) {
                    capped.add(name);
                }
            }
        }
        List<String> uncapped = collections.stream().filter(c -> !capped.contains(c)).toList();
        List<String> unexplained = uncapped.stream().filter(c -> !BOUNDED.containsKey(c)
                && !NOT_YET_CAPPED.containsKey(c) && !CAPPED_IN_CODE.containsKey(c)).toList();
        TreeSet<String> stale = new TreeSet<>();
        for (Map<String, String> listed : List.of(BOUNDED, NOT_YET_CAPPED, CAPPED_IN_CODE)) {
            listed.keySet().stream().filter(k -> !uncapped.contains(k)).forEach(stale::add);
        }
        System.out.printf("Pagination caps: %d collection reads in %d controllers: %d with a declared maximum page "
                + "size, %d capped in code, %d bounded by the domain, %d not yet capped (%s)%n", collections.size(),
                controllers.size(), capped.size(), CAPPED_IN_CODE.size(), BOUNDED.size(), NOT_YET_CAPPED.size(),
                String.join(", ", NOT_YET_CAPPED.keySet()));
        assertThat(collections).as("controllers found").hasSizeGreaterThan(30);
        assertThat(capped).as("reads with a declared maximum").contains("roadmaps RoadmapController.list",
                "dataset-search AccessRequestController.list");
        assertThat(unexplained).as("collection reads without a maximum page size (add limit/offset with @Max, or say "
                + "why the collection is bounded)").isEmpty();
        assertThat(stale).as("listed reads that are capped now, or gone: take them off the list").isEmpty();
    }

    /** A {@code limit}/{@code size} request parameter with {@code @Max}. */
    private static boolean hasCappedPageSize(Method method) {
        for (Parameter parameter : method.getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getName();
            if (PAGE_SIZE_NAMES.contains(name) && parameter.isAnnotationPresent(Max.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCollection(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class) {
            return isCollection(p.getActualTypeArguments()[0]);
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        return Collection.class.isAssignableFrom(raw) || raw.isArray();
    }

    /** fr.dataterritoires.commonscalls.web... → commons-calls; null for libraries and the gateway. */
    private static String service(String packageName) {
        String module = packageName.split("\\.")[2];
        return switch (module) {
            case "roadmaps" -> "roadmaps";
            case "commonscalls" -> "commons-calls";
            case "exchanges" -> "exchanges";
            case "replication" -> "replication";
            case "datasetsearch" -> "dataset-search";
            default -> null;
        };
    }
}
