package fr.dataterritoires.commonscalls.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.commonscalls.application.ImportFile;
import fr.dataterritoires.commonscalls.application.Imports;
import fr.dataterritoires.commonscalls.application.PreciputImportService;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;
import fr.dataterritoires.platform.errors.UploadedText;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Imports of innovation projects funded in a funder's own system, to levy the préciput on them. The body is the file
 * itself, CSV ({@code text/csv}) or JSON ({@code application/json}). Idempotent: the same file, or a project already
 * levied, levies nothing more. All or nothing: a file with a bad line is refused whole (422 listing every bad line
 * with its number), nothing of it levied.
 */
@RestController
@RequestMapping("/api/preciput/imports")
public class PreciputImportController {

    private final PreciputImportService imports;

    public PreciputImportController(PreciputImportService imports) {
        this.imports = imports;
    }

    public record ImportResponse(UUID id, String source, String fileName, String status, int lineCount, int levied,
                                 int duplicates, String totalLevied, boolean alreadyImported,
                                 List<ImportFile.LineError> errors, Instant importedAt) {
        static ImportResponse of(Imports.Import r, boolean already, java.math.BigDecimal total) {
            return new ImportResponse(r.id(), r.source(), r.fileName(), r.status(), r.lineCount(), r.levied(),
                    r.duplicates(), total == null ? null : Money.format(total), already, r.errors(), r.importedAt());
        }
    }

    @PostMapping(consumes = {"text/csv", "application/json", "text/plain"})
    @Operation(summary = "Importer un fichier de projets d'innovation financés, pour prélever le préciput (financeur : "
            + "ses programmes ; coordinateur national : tous)")
    public ResponseEntity<?> importFile(DtPrincipal actor,
                                        @Parameter(description = "Nom du fichier, pour la traçabilité")
                                        @RequestParam(defaultValue = "import") String fileName,
                                        @RequestHeader("Content-Type") String contentType,
                                        @RequestBody byte[] content, HttpServletRequest request) {
        // the declared type is not trusted: a workbook or a PDF sent as text/csv is refused (415) before parsing
        UploadedText.requireText(content, "un fichier CSV ou JSON");
        PreciputImportService.Result result = imports.importByApi(actor, fileName, content, ImportFile.format(contentType));
        if (result.rejected()) {
            List<ImportFile.LineError> errors = result.record().errors();
            ProblemDetail problem = Problems.create(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.REGLE_METIER,
                    "Le fichier compte " + errors.size() + " erreur(s) ; aucune ligne n'a été prélevée. " + summary(errors),
                    request);
            problem.setProperty("rule", "import-refuse");
            problem.setProperty("importId", result.record().id().toString());
            problem.setProperty("lineErrors", errors);
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ImportResponse body = ImportResponse.of(result.record(), result.alreadyImported(), result.totalLevied());
        return result.alreadyImported() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/preciput/imports/" + result.record().id())).body(body);
    }

    @GetMapping
    @Operation(summary = "Derniers imports, appliqués ou refusés (coordinateur national)")
    public List<ImportResponse> latest(DtPrincipal actor) {
        return imports.latest(actor).stream().map(r -> ImportResponse.of(r, false, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un import et ses erreurs de ligne")
    public ImportResponse get(DtPrincipal actor, @PathVariable UUID id) {
        return ImportResponse.of(imports.find(actor, id).orElseThrow(() ->
                new RuleViolation.NotFound("L'import " + id + " est introuvable.")), false, null);
    }

    private static String summary(List<ImportFile.LineError> errors) {
        StringBuilder s = new StringBuilder();
        for (ImportFile.LineError e : errors.subList(0, Math.min(5, errors.size()))) {
            s.append(e.line() > 0 ? "Ligne " + e.line() : "Fichier").append(e.field() == null ? "" : " (" + e.field() + ")")
                    .append(" : ").append(e.message()).append(". ");
        }
        if (errors.size() > 5) {
            s.append("…");
        }
        return s.toString().strip();
    }
}
