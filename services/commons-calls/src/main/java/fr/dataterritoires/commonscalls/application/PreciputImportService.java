package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.territory.Siren;

/**
 * Imports of innovation projects funded in funders' own systems, to levy the préciput on them: through the REST
 * endpoint or the file drop route. Idempotent twice over: the same content (SHA-256) is applied once, and a project
 * already levied (same programme, same reference) is not levied again. All or nothing: a file with a bad line is
 * refused whole, every bad line reported with its number, and no line of it is levied; the refusal is recorded.
 */
@Service
public class PreciputImportService {

    public static final String FILE_IMPORT = "FILE_IMPORT";
    public static final String API_IMPORT = "API_IMPORT";

    /** The outcome: applied (now or before: {@code alreadyImported}) or rejected with its line errors. */
    public record Result(Imports.Import record, boolean alreadyImported, BigDecimal totalLevied) {

        public boolean rejected() {
            return record.status().equals("REJECTED");
        }
    }

    private record Valid(int line, Programme programme, String reference, BigDecimal funding, Siren beneficiary) {
    }

    private final Imports imports;
    private final Funders funders;
    private final PreciputService preciput;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    public PreciputImportService(Imports imports, Funders funders, PreciputService preciput, AuditTrail audit,
                                 TransactionTemplate transactions) {
        this.imports = imports;
        this.funders = funders;
        this.preciput = preciput;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The REST import: a funder for its own programmes, or a national coordinator for any. */
    public Result importByApi(DtPrincipal actor, String fileName, byte[] content, String format) {
        Ownership.requireAnyRole(actor, Role.FUNDER, Role.NATIONAL_COORDINATOR);
        String funderSiren = actor.hasRole(Role.NATIONAL_COORDINATOR) ? null : actor.siren();
        return importContent(actor.subject(), funderSiren, fileName, content, format, API_IMPORT);
    }

    /** The file drop: files are put there by the operators of the national instance, for any programme. */
    public Result importDroppedFile(String fileName, byte[] content) {
        return importContent("import-fichier", null, fileName, content, ImportFile.format(fileName), FILE_IMPORT);
    }

    private Result importContent(String actor, String onlyFunderSiren, String fileName, byte[] content, String format,
                                 String source) {
        String name = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
        if (name.length() > 300) {
            throw RuleViolation.invalid("fileName", "300 caractères au plus");
        }
        String sha = sha256(content);
        Optional<Imports.Import> earlier = transactions.execute(s -> imports.appliedBySha(sha));
        if (earlier.isPresent()) {
            return new Result(earlier.get(), true, null);
        }
        ImportFile.Parsed parsed = ImportFile.parse(content, format);
        List<ImportFile.LineError> errors = new ArrayList<>(parsed.errors());
        List<Valid> valid = validate(parsed.lines(), onlyFunderSiren, errors);
        int lineCount = parsed.lines().size() + (int) parsed.errors().stream().filter(e -> e.line() > 0).count();
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
            Imports.Import rejected = new Imports.Import(UUID.randomUUID(), source, name, sha, "REJECTED", lineCount, 0, 0,
                    errors, actor, Instant.now());
            transactions.executeWithoutResult(s -> {
                imports.insert(rejected);
                audit.record(actor, "preciput.import-rejected", "PreciputImport", rejected.id().toString(), null,
                        Map.of("fileName", name, "errors", errors.size()));
            });
            return new Result(rejected, false, BigDecimal.ZERO.setScale(2));
        }
        try {
            return transactions.execute(s -> apply(actor, name, sha, source, lineCount, valid));
        } catch (DuplicateKeyException sameContentMeanwhile) {
            // the same file applied concurrently: its import is the answer
            return new Result(transactions.execute(s -> imports.appliedBySha(sha)).orElseThrow(), true, null);
        }
    }

    /** One transaction for the whole file: every line levied, or none. */
    private Result apply(String actor, String name, String sha, String source, int lineCount, List<Valid> valid) {
        Imports.Import record = new Imports.Import(UUID.randomUUID(), source, name, sha, "APPLIED", lineCount, 0, 0,
                List.of(), actor, Instant.now());
        imports.insert(record);
        Instant now = Instant.now();
        int levied = 0;
        int duplicates = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Valid v : valid) {
            PreciputService.Levied result = preciput.levy(actor, new PreciputService.LevyRequest(v.programme().id(),
                    v.reference(), v.funding(), v.beneficiary(), source, record.id()), now);
            if (result.duplicate()) {
                duplicates++;
            } else if (result.levyId() != null) {
                levied++;
                total = total.add(result.amount());
            }
        }
        imports.updateCounts(record.id(), levied, duplicates);
        audit.record(actor, "preciput.imported", "PreciputImport", record.id().toString(), null,
                Map.of("fileName", name, "levied", levied, "duplicates", duplicates, "total", Money.format(total)));
        return new Result(imports.find(record.id()).orElseThrow(), false, total);
    }

    private List<Valid> validate(List<ImportFile.Line> lines, String onlyFunderSiren, List<ImportFile.LineError> errors) {
        List<Valid> valid = new ArrayList<>();
        Map<UUID, Optional<Programme>> programmes = new HashMap<>();
        Map<UUID, Funder> fundersById = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ImportFile.Line line : lines) {
            int n = line.number();
            Map<String, String> f = line.fields();
            int before = errors.size();
            String reference = f.get("projectReference");
            if (reference == null || reference.isBlank() || reference.length() > 200) {
                errors.add(new ImportFile.LineError(n, "projectReference", "référence du projet obligatoire (200 caractères au plus)"));
            }
            Programme programme = null;
            String rawProgramme = f.get("programmeId");
            try {
                UUID id = UUID.fromString(rawProgramme == null ? "" : rawProgramme);
                programme = programmes.computeIfAbsent(id, funders::programme).orElse(null);
                if (programme == null) {
                    errors.add(new ImportFile.LineError(n, "programmeId", "programme inconnu : " + rawProgramme));
                } else if (onlyFunderSiren != null) {
                    Funder owner = fundersById.computeIfAbsent(programme.funderId(), k -> funders.find(k).orElseThrow());
                    if (!owner.siren().value().equals(onlyFunderSiren)) {
                        errors.add(new ImportFile.LineError(n, "programmeId", "ce programme appartient à un autre financeur"));
                        programme = null;
                    }
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ImportFile.LineError(n, "programmeId", "identifiant (UUID) de programme attendu"));
            }
            BigDecimal funding = null;
            try {
                funding = Money.positive("projectFunding", Money.parse("projectFunding", f.get("projectFunding")));
            } catch (RuleViolation e) {
                errors.add(new ImportFile.LineError(n, "projectFunding", e.getMessage()));
            }
            Siren beneficiary = null;
            String rawSiren = f.get("beneficiarySiren");
            if (rawSiren != null) {
                Optional<String> invalid = Siren.validationError(rawSiren);
                if (invalid.isPresent()) {
                    errors.add(new ImportFile.LineError(n, "beneficiarySiren", invalid.get()));
                } else {
                    beneficiary = Siren.parse(rawSiren);
                }
            }
            if (errors.size() == before && programme != null) {
                if (!seen.add(programme.id() + "|" + reference)) {
                    errors.add(new ImportFile.LineError(n, "projectReference",
                            "projet « " + reference + " » déjà présent plus haut dans le fichier pour ce programme"));
                } else {
                    valid.add(new Valid(n, programme, reference.strip(), funding, beneficiary));
                }
            }
        }
        return valid;
    }

    /**
     * A funder reads the imports it made, not another funder's (their lines name that funder's projects and
     * amounts): another's is answered as missing, as for the file drop's, which only the coordinators read.
     */
    public Optional<Imports.Import> find(DtPrincipal actor, UUID id) {
        Ownership.requireAnyRole(actor, Role.FUNDER, Role.NATIONAL_COORDINATOR);
        return transactions.execute(s -> imports.find(id)).filter(record -> actor.hasRole(Role.NATIONAL_COORDINATOR)
                || Objects.equals(record.actor(), actor.subject()));
    }

    public List<Imports.Import> latest(DtPrincipal actor) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        return transactions.execute(s -> imports.latest(100));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
