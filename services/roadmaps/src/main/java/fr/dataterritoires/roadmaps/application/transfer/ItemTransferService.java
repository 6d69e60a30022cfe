package fr.dataterritoires.roadmaps.application.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.roadmaps.application.roadmap.DatasetReferences;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapEvents;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapStore;
import fr.dataterritoires.roadmaps.application.transfer.ItemRows.LineError;
import fr.dataterritoires.roadmaps.application.transfer.ItemRows.Parsed;
import fr.dataterritoires.roadmaps.application.transfer.ItemRows.Row;
import fr.dataterritoires.roadmaps.domain.roadmap.Issuer;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * Import and export of a roadmap's items as rows ({@link ItemColumn}, the same columns both ways).
 *
 * <p>Export: anyone who may read the roadmap, in any status; parents before their sub-items, each item referenced
 * by its id. Import: the issuer or a coordinator, while the roadmap's content is editable (DRAFT, CHANGES_REQUESTED);
 * the lines are added as new items. Every line is checked — its cells, its references ({@code reference} unique in
 * the file, {@code parentReference} naming a line of the file or an item already in the roadmap, no loop), then the
 * roadmap's own rules (kind, territories in the région, dataset references known...) — and every invalid line is
 * reported. A dry run stops there. A real import applies the lines only if all are valid, in one transaction: one
 * new version of the roadmap, one audit entry with the count; otherwise nothing changes.
 */
@Service
public class ItemTransferService {

    /** At most as many lines as a roadmap may hold items. */
    public static final int MAX_LINES = Roadmap.MAX_ITEMS;

    private final RoadmapStore roadmaps;
    private final DatasetReferences datasetReferences;
    private final AuditTrail audit;

    public ItemTransferService(RoadmapStore roadmaps, DatasetReferences datasetReferences, AuditTrail audit) {
        this.roadmaps = roadmaps;
        this.datasetReferences = datasetReferences;
        this.audit = audit;
    }

    /** What an import found (and, when applied, the roadmap afterwards). */
    public record ImportReport(int lines, List<LineError> errors, boolean applied, Roadmap roadmap) {
        public boolean valid() {
            return errors.isEmpty();
        }

        /** The numbers of the refused lines, in order. */
        public List<Integer> invalidLines() {
            return errors.stream().map(LineError::line).distinct().sorted().toList();
        }
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /** @param actor null for an anonymous caller (published roadmaps only) */
    @Transactional(readOnly = true)
    public List<Row> export(DtPrincipal actor, UUID id) {
        Roadmap roadmap = roadmaps.find(id).filter(r -> maySee(actor, r))
                .orElseThrow(() -> NotFoundException.of("feuille de route", id));
        Set<UUID> parents = new HashSet<>();
        roadmap.items().forEach(i -> {
            if (i.parentId() != null) {
                parents.add(i.parentId());
            }
        });
        return parentsFirst(roadmap.items()).stream().map(i -> ItemRows.toRow(i, parents.contains(i.id()))).toList();
    }

    /** The items in their order, except that an item comes after its parent (an item re-parented later). */
    static List<Item> parentsFirst(List<Item> items) {
        Map<UUID, Item> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        LinkedHashSet<UUID> out = new LinkedHashSet<>();
        for (Item item : items) {
            List<UUID> chain = new ArrayList<>();
            UUID cursor = item.id();
            while (cursor != null && !out.contains(cursor) && !chain.contains(cursor) && byId.containsKey(cursor)) {
                chain.add(cursor);
                cursor = byId.get(cursor).parentId();
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                out.add(chain.get(i));
            }
        }
        return out.stream().map(byId::get).toList();
    }

    // ---- import -----------------------------------------------------------------------------------------------

    /**
     * Checks every line and, unless {@code dryRun} or a line is invalid, adds them all as one change.
     *
     * @param expectedVersion the roadmap version the caller read: required for a real import (409 when stale)
     */
    @Transactional
    public ImportReport importItems(DtPrincipal actor, UUID id, Long expectedVersion, List<Row> rows, boolean dryRun) {
        Roadmap roadmap = (dryRun ? roadmaps.find(id) : roadmaps.findForUpdate(id)).filter(r -> maySee(actor, r))
                .orElseThrow(() -> NotFoundException.of("feuille de route", id));
        requireIssuerOrCoordinator(actor, roadmap);
        if (!dryRun) {
            if (expectedVersion == null) {
                throw RuleViolation.invalid("version", "Un import indique la version de la feuille de route lue "
                        + "(paramètre version).");
            }
            if (roadmap.version() != expectedVersion) {
                throw new ConflictException("La feuille de route a été modifiée entre-temps : elle est en version "
                        + roadmap.version() + ", vous avez lu la version " + expectedVersion
                        + ". Rechargez-la puis recommencez.");
            }
        }
        if (!roadmap.status().isEditable()) {
            throw new ConflictException("La feuille de route est " + roadmap.status().label() + " : on n'y importe des "
                    + "éléments qu'en brouillon ou lorsque des modifications sont demandées.");
        }
        if (rows.isEmpty()) {
            throw RuleViolation.invalid("lines", "Le fichier ne contient aucune ligne d'élément.");
        }
        if (rows.size() > MAX_LINES) {
            throw RuleViolation.invalid("lines", "Le fichier compte " + rows.size() + " lignes d'éléments : "
                    + MAX_LINES + " au plus par import.");
        }
        if (roadmap.items().size() + rows.size() > Roadmap.MAX_ITEMS) {
            throw new RuleViolation("feuille-de-route.trop-d-elements", "lines", "La feuille de route compte "
                    + roadmap.items().size() + " éléments ; avec les " + rows.size() + " lignes importées elle "
                    + "dépasserait " + Roadmap.MAX_ITEMS + " éléments.");
        }
        List<LineError> errors = validateInto(roadmap, rows);
        if (dryRun || !errors.isEmpty()) {
            return new ImportReport(rows.size(), errors, false, roadmap);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> before = summary(roadmap, roadmap.version(), null);
        long version = roadmaps.update(roadmap, now);
        roadmaps.appendVersion(id, version, "items-imported", actor.subject(), now, roadmap.status(),
                RoadmapSnapshot.of(roadmap));
        audit.record(actor.subject(), "roadmap.items-imported", RoadmapEvents.ROADMAP, id.toString(), before,
                summary(roadmap, version, rows.size()));
        return new ImportReport(rows.size(), List.of(), true, roadmaps.find(id).orElseThrow());
    }

    /** Adds the valid lines to {@code roadmap} (in memory) and returns the errors of the others, by line. */
    private List<LineError> validateInto(Roadmap roadmap, List<Row> rows) {
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> lineOfReference = new HashMap<>();
        Set<Integer> refusedLines = new HashSet<>();
        for (Row row : rows) {
            String reference = row.get(ItemColumn.REFERENCE);
            if (reference != null) {
                Integer first = lineOfReference.putIfAbsent(reference, row.line());
                if (first != null) {
                    errors.add(new LineError(row.line(), "reference", "La référence « " + reference
                            + " » est déjà celle de la ligne " + first + " : chaque ligne a sa propre référence."));
                    refusedLines.add(row.line());
                }
            }
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Row row : rows) {
            ItemKind kind = kindOf(row);
            if (kind != null && kind.roadmapKind() != roadmap.kind()) {
                errors.add(new LineError(row.line(), "kind", "Un élément " + kind + " n'a pas sa place dans une "
                        + (roadmap.kind() == RoadmapKind.COMMITTEE ? "feuille de route de comité (USE_CASE, DATASET, "
                        + "ROLE_ALLOCATION, FINANCIAL_LINE)." : "section ministérielle (ACTION, DATA_RETURN, "
                        + "NATIONAL_TOOL).")));
                refusedLines.add(row.line());
                continue;
            }
            int before = errors.size();
            Parsed p = ItemRows.read(row, errors);
            if (p != null && errors.size() == before && !refusedLines.contains(row.line())) {
                parsed.add(p);
            } else {
                refusedLines.add(row.line());
            }
        }
        // dataset references, in one call
        Set<String> catalogueIds = new LinkedHashSet<>();
        parsed.forEach(p -> {
            if (p.content() instanceof ItemContent.DatasetToOpen d && d.catalogueDatasetId() != null) {
                catalogueIds.add(d.catalogueDatasetId());
            }
        });
        Set<String> unknown = catalogueIds.isEmpty() ? Set.of() : datasetReferences.unknown(catalogueIds);
        for (Parsed p : parsed) {
            if (p.content() instanceof ItemContent.DatasetToOpen d && d.catalogueDatasetId() != null
                    && unknown.contains(d.catalogueDatasetId())) {
                errors.add(new LineError(p.line(), "dataset.catalogueDatasetId", "Le jeu de données « "
                        + d.catalogueDatasetId() + " » n'est pas dans le catalogue."));
                refusedLines.add(p.line());
            }
        }
        // ids, parents
        Map<Integer, UUID> idOfLine = new HashMap<>();
        parsed.forEach(p -> idOfLine.put(p.line(), UUID.randomUUID()));
        Map<String, UUID> existing = new HashMap<>();
        roadmap.items().forEach(i -> existing.put(i.id().toString(), i.id()));
        Map<Integer, Integer> parentLine = new HashMap<>();
        Map<Integer, UUID> parentOf = new HashMap<>();
        for (Parsed p : parsed) {
            if (p.parentReference() == null || refusedLines.contains(p.line())) {
                continue;
            }
            Integer line = lineOfReference.get(p.parentReference());
            if (line != null) {
                parentLine.put(p.line(), line);
                parentOf.put(p.line(), idOfLine.get(line));
            } else if (existing.containsKey(p.parentReference())) {
                parentOf.put(p.line(), existing.get(p.parentReference()));
            } else {
                errors.add(new LineError(p.line(), "parentReference", "Le parent « " + p.parentReference()
                        + " » n'est ni la référence d'une ligne du fichier ni un élément de la feuille de route."));
                refusedLines.add(p.line());
            }
        }
        // parents first; loops refused
        Map<Integer, Parsed> byLine = new LinkedHashMap<>();
        parsed.forEach(p -> byLine.put(p.line(), p));
        List<Parsed> ordered = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (Parsed p : parsed) {
            List<Integer> chain = new ArrayList<>();
            Integer cursor = p.line();
            boolean loop = false;
            while (cursor != null && !placed.contains(cursor) && byLine.containsKey(cursor)) {
                if (chain.contains(cursor)) {
                    loop = true;
                    break;
                }
                chain.add(cursor);
                cursor = parentLine.get(cursor);
            }
            if (loop) {
                for (Integer line : chain.subList(chain.indexOf(cursor), chain.size())) {
                    if (refusedLines.add(line)) {
                        errors.add(new LineError(line, "parentReference",
                                "Les parents de cette ligne forment une boucle (lignes " + chain.subList(chain.indexOf(cursor), chain.size()) + ")."));
                    }
                    placed.add(line);
                }
                chain = chain.subList(0, chain.indexOf(cursor));
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (placed.add(chain.get(i))) {
                    ordered.add(byLine.get(chain.get(i)));
                }
            }
        }
        // the roadmap's own rules, line by line
        Set<Integer> parentsInFile = new HashSet<>(parentLine.values());
        for (Parsed p : ordered) {
            if (refusedLines.contains(p.line())) {
                continue;
            }
            Integer parent = parentLine.get(p.line());
            if (parent != null && refusedLines.contains(parent)) {
                errors.add(new LineError(p.line(), "parentReference", "Le parent « " + p.parentReference()
                        + " » (ligne " + parent + ") est refusé : cette ligne ne peut pas être rattachée."));
                refusedLines.add(p.line());
                continue;
            }
            if (p.progress() != null && parentsInFile.contains(p.line())) {
                errors.add(new LineError(p.line(), "progress", "L'avancement de « " + p.title() + " » se calcule à "
                        + "partir de ses sous-éléments : laissez la colonne progress vide."));
                refusedLines.add(p.line());
                continue;
            }
            try {
                roadmap.addItem(p.toItem(idOfLine.get(p.line()), parentOf.get(p.line())));
            } catch (RuleViolation e) {
                errors.add(new LineError(p.line(), e.field() == null ? "kind" : e.field(), e.getMessage()));
                refusedLines.add(p.line());
            }
        }
        errors.sort(Comparator.comparingInt(LineError::line));
        return errors;
    }

    private static ItemKind kindOf(Row row) {
        String raw = row.get(ItemColumn.KIND);
        try {
            return raw == null ? null : ItemKind.valueOf(raw.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- access -----------------------------------------------------------------------------------------------

    private static boolean maySee(DtPrincipal actor, Roadmap roadmap) {
        return roadmap.status() == RoadmapStatus.PUBLISHED || (actor != null && isIssuerOrCoordinator(actor, roadmap));
    }

    private static boolean isIssuerOrCoordinator(DtPrincipal actor, Roadmap roadmap) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return true;
        }
        Issuer issuer = roadmap.issuer();
        return issuer.kind() == RoadmapKind.COMMITTEE
                ? actor.hasRole(Role.COMMITTEE_MEMBER) && Objects.equals(actor.region(), issuer.regionCode())
                : actor.hasRole(Role.MINISTRY_OFFICER) && Objects.equals(actor.ministry(), issuer.ministryCode());
    }

    private static void requireIssuerOrCoordinator(DtPrincipal actor, Roadmap roadmap) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return;
        }
        if (roadmap.kind() == RoadmapKind.COMMITTEE) {
            Ownership.requireRegion(actor, roadmap.issuer().regionCode());
        } else {
            Ownership.requireMinistry(actor, roadmap.issuer().ministryCode());
        }
    }

    private static Map<String, Object> summary(Roadmap r, long version, Integer imported) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", version);
        state.put("status", r.status().name());
        state.put("items", r.items().size());
        if (imported != null) {
            state.put("imported", imported);
        }
        state.put("progress", r.progress());
        state.put("totalRequested", r.totalRequested().toPlainString());
        return state;
    }
}
