package fr.dataterritoires.roadmaps.web.transfer;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.Problems;
import fr.dataterritoires.platform.errors.UploadedText;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.roadmaps.application.transfer.ItemRows.LineError;
import fr.dataterritoires.roadmaps.application.transfer.ItemRows.Row;
import fr.dataterritoires.roadmaps.application.transfer.ItemTransferService;
import fr.dataterritoires.roadmaps.application.transfer.ItemTransferService.ImportReport;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.web.csv.Csv;

/**
 * Export and import of a roadmap's items in CSV or JSON (same columns both ways, see {@code ItemColumn}).
 * {@code POST .../items/import?dryRun=true} checks every line and reports every invalid one, importing nothing;
 * without {@code dryRun} the import is all or nothing: every line valid, or a 400 listing the invalid lines.
 */
@RestController
@RequestMapping("/api/roadmaps/{id}/items")
public class ItemTransferController {

    private final ItemTransferService service;

    public ItemTransferController(ItemTransferService service) {
        this.service = service;
    }

    /** The items as a file to download: {@code format=csv} (default) or {@code json}. */
    @GetMapping("/export")
    public ResponseEntity<?> export(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format) {
        Format f = Format.of(format);
        List<Row> rows = service.export(Actors.currentIfAuthenticated().orElse(null), id);
        String filename = "elements-feuille-de-route-" + id + "." + f.name().toLowerCase(Locale.ROOT);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        return f == Format.CSV
                ? response.contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE)).body(ItemFiles.csv(rows))
                : response.contentType(MediaType.APPLICATION_JSON).body(ItemFiles.json(rows));
    }

    /**
     * Imports a file sent as the body ({@code Content-Type: text/csv} or {@code application/json}).
     *
     * @param version the roadmap version read (required unless {@code dryRun})
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/json"})
    public ResponseEntity<Map<String, Object>> importItems(@PathVariable UUID id,
                                                           @RequestParam(required = false) @Min(1) Long version,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                           @RequestBody byte[] body, DtPrincipal actor) {
        // the declared type is not trusted: a workbook or a PDF sent as text/csv is refused (415) before parsing
        UploadedText.requireText(body, "un fichier CSV ou JSON");
        MediaType type = MediaType.parseMediaType(contentType);
        // an unknown charset never gets here: Spring refuses the content type (415)
        Charset charset = type.getCharset();
        List<Row> rows = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                ? ItemFiles.readJson(body, charset) : ItemFiles.readCsv(body, charset);
        ImportReport report = service.importItems(actor, id, version, rows, dryRun);
        if (!dryRun && !report.valid()) {
            throw new ImportRefused(report);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", dryRun);
        out.put("valid", report.valid());
        out.put("lines", report.lines());
        out.put("invalidLines", report.invalidLines());
        out.put("errors", report.errors());
        if (report.applied()) {
            Roadmap r = report.roadmap();
            out.put("imported", report.lines());
            out.put("roadmap", Map.of("id", r.id(), "version", r.version(), "status", r.status(),
                    "items", r.items().size(), "progress", r.progress()));
        }
        return ResponseEntity.ok(out);
    }

    /** A real import refused because of invalid lines: nothing was imported. */
    static final class ImportRefused extends RuntimeException {
        final transient ImportReport report;

        ImportRefused(ImportReport report) {
            super("import refused");
            this.report = report;
        }
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused refused, HttpServletRequest request) {
        ImportReport report = refused.report;
        List<Integer> lines = report.invalidLines();
        LineError first = report.errors().getFirst();
        String detail = (lines.size() == 1 ? "1 ligne invalide" : lines.size() + " lignes invalides") + " sur "
                + report.lines() + " : rien n'a été importé. Ligne " + first.line() + " (" + first.field() + ") : "
                + first.message() + (lines.size() > 1 ? " Lignes invalides : " + abbreviated(lines) + "." : "");
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, detail, request);
        problem.setProperty("lines", report.lines());
        problem.setProperty("invalidLines", lines);
        problem.setProperty(Problems.ERRORS, report.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String abbreviated(List<Integer> lines) {
        List<String> shown = lines.stream().limit(20).map(String::valueOf).toList();
        return String.join(", ", shown) + (lines.size() > 20 ? "… (" + lines.size() + " en tout)" : "");
    }

    enum Format {
        CSV, JSON;

        static Format of(String raw) {
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("format", "Le format « " + raw + " » (format) est inconnu : csv ou json.");
            }
        }
    }
}
