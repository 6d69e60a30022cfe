package fr.dataterritoires.platform.web;

import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.DomainRuleViolation;
import fr.dataterritoires.platform.errors.GoneException;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.ServiceUnavailableException;
import fr.dataterritoires.platform.errors.TimeBudgetExceededException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class TestApiController {

    public enum Status { DRAFT, SUBMITTED, PUBLISHED }

    public record ItemRequest(@NotBlank @Size(max = 100) String label,
                              @NotNull Status status,
                              @Min(1) @Max(1000) int quantity,
                              @Pattern(regexp = "\\d{9}", message = "doit comporter 9 chiffres") String siren) {
    }

    @GetMapping("/me")
    public DtPrincipal me(DtPrincipal actor) {
        return actor;
    }

    @GetMapping("/roadmaps/published/{id}")
    public Map<String, Object> published(@PathVariable long id) {
        return Map.of("id", id, "anonymous", Actors.currentIfAuthenticated().isEmpty());
    }

    @GetMapping("/funders/calls")
    public List<String> funderCalls() {
        return List.of("appel-a-communs-2026");
    }

    @GetMapping("/evaluations")
    @PreAuthorize("hasRole('EVALUATOR')")
    public List<String> evaluations() {
        return List.of();
    }

    @GetMapping("/regions/{region}/roadmap")
    public Map<String, String> regionRoadmap(@PathVariable String region) {
        Ownership.requireRegion(Actors.current(), region);
        return Map.of("region", region);
    }

    @GetMapping("/organisations/{siren}/applications")
    public Map<String, String> organisationApplications(@PathVariable String siren, DtPrincipal actor) {
        Ownership.requireSiren(actor, Role.FUNDER, siren);
        return Map.of("siren", siren);
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    public ItemRequest create(@Valid @RequestBody ItemRequest item) {
        return item;
    }

    @PostMapping("/texts")
    public Map<String, Integer> text(@RequestBody String text) {
        return Map.of("length", text.length());
    }

    @GetMapping("/items")
    public Map<String, Object> search(@RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                      @RequestParam(required = false) Status status) {
        return Map.of("page", page, "size", size, "status", String.valueOf(status));
    }

    @GetMapping("/items/{id}")
    public Map<String, Object> item(@PathVariable long id) {
        throw NotFoundException.of("élément", id);
    }

    @PutMapping("/items/{id}")
    public void update(@PathVariable long id) {
        throw new OptimisticLockingFailureException("Row was updated by another transaction: items id=" + id);
    }

    @PostMapping("/items/{id}/duplicate")
    public void duplicate(@PathVariable long id) {
        throw new ConflictException("Un élément portant ce libellé existe déjà.");
    }

    @PostMapping("/items/{id}/publish")
    public void publish(@PathVariable long id) {
        throw new DomainRuleViolation("item.already-published", "Cet élément est déjà publié.");
    }

    /** A domain's refusals, thrown as domain code does (plain {@link RuleViolation}), one per kind. */
    @PostMapping("/items/{id}/refusals/{kind}")
    public void refused(@PathVariable long id, @PathVariable String kind) {
        throw switch (kind) {
            case "conflict" -> new RuleViolation.StateConflict("item.publie",
                    "Cet élément est publié : il ne peut plus être modifié.");
            case "missing" -> new RuleViolation.NotFound("L'élément " + id + " n'a pas de jalon « m1 ».");
            case "invalid" -> RuleViolation.invalid("quantity", "doit être positive");
            case "rule-on-field" -> new RuleViolation("item.plafond", "quantity",
                    "La quantité dépasse le plafond de l'appel.");
            default -> new RuleViolation("item.regle", null, "L'élément ne respecte pas une règle.");
        };
    }

    /** Refusals no annotation expresses, thrown as the application layer would. */
    @GetMapping("/sources")
    public Map<String, String> sources(@RequestParam(required = false) String url,
                                       @RequestParam(required = false) String size,
                                       @RequestParam(required = false) String format) {
        if (url != null && !url.startsWith("http")) {
            throw new InvalidFieldException("url", "adresse http ou https attendue", url);
        }
        if (size != null) {
            throw InvalidFieldException.parameter("size", "Le paramètre « size » doit être compris entre 1 et 100.",
                    size);
        }
        if (format != null) {
            throw InvalidFieldException.unknownValue("format", format, List.of("CSV", "JSON"));
        }
        return Map.of();
    }

    @GetMapping("/datasets/{id}")
    public void withdrawn(@PathVariable String id) {
        if (id.equals("plain")) {
            throw new GoneException("La ressource a été retirée.");
        }
        throw new GoneException(ProblemTypes.BASE + "jeu-de-donnees-retire", "Jeu de données retiré",
                "Le jeu de données " + id + " a été retiré.", Map.of("datasetId", id, "withdrawnAt", "2026-01-02T03:04:05Z"));
    }

    @GetMapping("/searches/slow")
    public void overBudget() {
        throw new TimeBudgetExceededException("La recherche a dépassé le temps imparti.", null);
    }

    @GetMapping("/searches/down")
    public void dependencyDown() {
        throw new ServiceUnavailableException("La recherche est momentanément indisponible.",
                new IllegalStateException("Connection refused: 10.0.0.12:9200"));
    }

    @GetMapping("/catalogue/down")
    public void namedDependencyDown() {
        throw new ServiceUnavailableException("Le catalogue ne répond pas : réessayez dans quelques instants.",
                new IllegalStateException("UNAVAILABLE: io exception"), "dataset-search", java.time.Duration.ofSeconds(30));
    }

    /** A real query on a real PostgreSQL that runs past the connection's statement_timeout. */
    @GetMapping("/searches/slow-sql")
    public void overStatementBudget() {
        var postgres = fr.dataterritoires.testing.backends.Backends.postgres();
        var dataSource = new org.springframework.jdbc.datasource.SingleConnectionDataSource(postgres.jdbcUrl(),
                postgres.username(), postgres.password(), true);
        java.util.Properties options = new java.util.Properties();
        options.setProperty("options", "-c statement_timeout=100ms");
        dataSource.setConnectionProperties(options);
        try {
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("SELECT pg_sleep(5)");
        } finally {
            dataSource.destroy();
        }
    }

    @GetMapping("/boom")
    public void boom() {
        throw new IllegalStateException("SELECT password FROM secret_table WHERE id = 1");
    }

    @GetMapping("/boom-sql")
    public void boomSql() {
        throw new BadSqlGrammarException("load", "SELECT password FROM secret_table",
                new SQLException("ERROR: relation \"secret_table\" does not exist"));
    }
}
