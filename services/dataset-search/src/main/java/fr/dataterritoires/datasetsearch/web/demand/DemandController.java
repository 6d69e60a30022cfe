package fr.dataterritoires.datasetsearch.web.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.datasetsearch.application.demand.DemandReports;
import fr.dataterritoires.datasetsearch.application.demand.MostDemandedItem;
import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearchReport;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

/** Demand lists: most demanded datasets not yet open (public), searches that found nothing (coordinators). */
@RestController
@RequestMapping("/api/demand")
public class DemandController {

    private final DemandReports reports;

    public DemandController(DemandReports reports) {
        this.reports = reports;
    }

    /**
     * Datasets most demanded and not open yet, with those declared but not in the catalogue (to be produced).
     * Without {@code territory}: every declaration and access request counts. With {@code territory}
     * ({@code level:code}, e.g. {@code departement:69}): only territorial declarations, and requests for datasets
     * covering territories, that concern it: the same territory, one enclosing it (its région's priorities concern a
     * commune) or one inside it (a commune's priorities add to its département's list).
     */
    @GetMapping("/most-demanded")
    public List<MostDemandedResponse> mostDemanded(
            @RequestParam(required = false) @Size(max = 64) String territory,
            @RequestParam(defaultValue = "20") @Min(1) @Max(DemandReports.MAX_LIMIT) int limit) {
        return reports.mostDemanded(territory(territory), limit).stream().map(MostDemandedResponse::of).toList();
    }

    @GetMapping("/unanswered-searches")
    public List<UnansweredSearchResponse> unansweredSearches(
            @RequestParam(required = false) @Size(max = 64) String territory,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return reports.unansweredSearches(territory(territory), limit).stream().map(UnansweredSearchResponse::of)
                .toList();
    }

    private static TerritoryRef territory(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return TerritoryRef.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("Le paramètre « territory » vaut « " + raw + " » : un territoire s'écrit "
                    + "niveau:code, par exemple commune:75056, departement:69 ou region:84.");
        }
    }

    /** A refused parameter: 400 with the French reason as detail. */
    static final class BadParameter extends ResponseStatusException {
        BadParameter(String reason) {
            super(HttpStatus.BAD_REQUEST, reason);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MostDemandedResponse(UUID datasetId, String reference, String title, String accessLevel,
                                       String accessLevelLabel, String producer, boolean inCatalogue,
                                       int priorityDeclarations, boolean nationalPriority, int accessRequests,
                                       LocalDate targetDate) {
        static MostDemandedResponse of(MostDemandedItem item) {
            return new MostDemandedResponse(item.dataset() == null ? null : item.dataset().value(), item.reference(),
                    item.title(), item.accessLevel() == null ? null : item.accessLevel().name(),
                    item.accessLevel() == null ? "à produire ou hors catalogue" : item.accessLevel().label(),
                    item.producer(), item.inCatalogue(), item.priorityDeclarations(), item.nationalPriority(),
                    item.accessRequests(), item.targetDate());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnansweredSearchResponse(String query, String territory, long count, Instant firstSeen,
                                           Instant lastSeen) {
        static UnansweredSearchResponse of(UnansweredSearchReport.Entry entry) {
            return new UnansweredSearchResponse(entry.query(), entry.territory(), entry.count(), entry.firstSeen(),
                    entry.lastSeen());
        }
    }
}
