package fr.dataterritoires.roadmaps.application.consolidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.OwnershipViolationException;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.Committee;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.DataReturnDelay;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.DemandedDataset;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.Gaps;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.MinistryResources;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.RegionLine;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.RoadmapState;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.Section;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation.Summary;
import fr.dataterritoires.roadmaps.application.governance.GovernanceBodies;
import fr.dataterritoires.roadmaps.application.priority.PriorityStore;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapStore;
import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;
import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;
import fr.dataterritoires.roadmaps.domain.roadmap.Grant;
import fr.dataterritoires.roadmaps.domain.roadmap.Item;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemContent;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.PriorityOrigin;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;
import fr.dataterritoires.territory.Region;
import fr.dataterritoires.territory.Territories;

/**
 * The national consolidation (issue 4, item 7), read from the roadmaps' own data: every région of the official
 * geography with its committee and roadmap for the period, the datasets several régions want opened, resources
 * requested and granted per ministry, data-return delays, and the régions missing a committee or a published
 * roadmap. Anyone reads the published scope; the {@code ALL} scope (roadmaps in every status, i.e. the pipeline
 * before publication) is for national coordinators only. Computed on read, in one read-only transaction.
 */
@Service
public class ConsolidationService {

    private static final int PAGE = 500;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final RoadmapStore roadmaps;
    private final GovernanceBodies bodies;
    private final PriorityStore priorities;

    public ConsolidationService(RoadmapStore roadmaps, GovernanceBodies bodies, PriorityStore priorities) {
        this.roadmaps = roadmaps;
        this.bodies = bodies;
        this.priorities = priorities;
    }

    /** @param actor null for an anonymous caller */
    @Transactional(readOnly = true)
    public NationalConsolidation consolidate(DtPrincipal actor, ConsolidationQuery query) {
        if (query.scope() == ConsolidationQuery.Scope.ALL
                && (actor == null || !actor.hasRole(Role.NATIONAL_COORDINATOR))) {
            throw new OwnershipViolationException("La consolidation de toutes les feuilles de route, publiées ou non "
                    + "(scope=all), est réservée aux coordinateurs nationaux.");
        }
        List<RoadmapStatus> statuses = query.scope() == ConsolidationQuery.Scope.ALL ? List.of()
                : List.of(RoadmapStatus.PUBLISHED);
        List<Roadmap> committeeRoadmaps = load(RoadmapKind.COMMITTEE, statuses);
        List<Roadmap> sections = load(RoadmapKind.MINISTERIAL, statuses);
        Set<String> nationalPriorityDatasets = priorities.list(PriorityLevel.NATIONAL, null).stream()
                .map(Priority::datasetReference).filter(Objects::nonNull).collect(Collectors.toSet());
        return compute(query, Territories.get().regions(), bodies.committees(), committeeRoadmaps, sections,
                nationalPriorityDatasets);
    }

    private List<Roadmap> load(RoadmapKind kind, List<RoadmapStatus> statuses) {
        List<Roadmap> all = new ArrayList<>();
        RoadmapStore.Filter filter = new RoadmapStore.Filter(kind, null, null, statuses).visibleTo(true, null, null);
        for (int offset = 0; ; offset += PAGE) {
            List<Roadmap> page = roadmaps.list(filter, PAGE, offset);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    static NationalConsolidation compute(ConsolidationQuery query, List<Region> regions, List<GovernanceBody> committees,
                                         List<Roadmap> committeeRoadmaps, List<Roadmap> sections,
                                         Set<String> nationalPriorityDatasets) {
        Map<String, GovernanceBody> committeeOf = new HashMap<>();
        committees.forEach(c -> committeeOf.put(c.regionCode(), c));
        // per région, the roadmap whose period covers the queried one (the latest start, then the shortest)
        Map<String, Roadmap> roadmapOf = new HashMap<>();
        Comparator<Roadmap> preferred = Comparator.<Roadmap>comparingInt(r -> r.period().startYear())
                .thenComparing(r -> -r.period().endYear()).thenComparing(r -> r.id().toString());
        for (Roadmap r : committeeRoadmaps) {
            if (query.covers(r.period())) {
                roadmapOf.merge(r.issuer().regionCode(), r, (a, b) -> preferred.compare(a, b) >= 0 ? a : b);
            }
        }
        List<RegionLine> lines = new ArrayList<>();
        List<String> withoutCommittee = new ArrayList<>();
        List<String> withoutPublished = new ArrayList<>();
        int withRoadmap = 0;
        for (Region region : regions.stream().sorted(Comparator.comparing(Region::code)).toList()) {
            GovernanceBody committee = committeeOf.get(region.code());
            Roadmap roadmap = roadmapOf.get(region.code());
            if (committee == null) {
                withoutCommittee.add(region.code());
            }
            if (roadmap == null || roadmap.status() != RoadmapStatus.PUBLISHED) {
                withoutPublished.add(region.code());
            }
            if (roadmap != null) {
                withRoadmap++;
            }
            lines.add(new RegionLine(region.code(), region.name(),
                    committee == null ? null : new Committee(committee.id(), committee.name()),
                    roadmap == null ? null : state(roadmap)));
        }
        List<DemandedDataset> demanded = demanded(roadmapOf.values(), query.minRegions(), nationalPriorityDatasets);
        List<Roadmap> inPeriod = sections.stream().filter(s -> query.contains(s.period().startYear())).toList();
        List<MinistryResources> ministries = ministries(inPeriod);
        List<DataReturnDelay> returns = dataReturns(inPeriod);
        Summary summary = new Summary(lines.size(), lines.size() - withoutCommittee.size(), withRoadmap,
                lines.size() - withoutPublished.size(), returns.size(),
                (int) returns.stream().filter(DataReturnDelay::met).count());
        return new NationalConsolidation(query.period().label(), query.scope(), summary, lines, demanded, ministries,
                total(ministries), returns, new Gaps(withoutCommittee, withoutPublished));
    }

    private static RoadmapState state(Roadmap r) {
        Map<ItemKind, Integer> byKind = new EnumMap<>(ItemKind.class);
        for (ItemKind kind : ItemKind.values()) {
            if (kind.roadmapKind() == RoadmapKind.COMMITTEE) {
                byKind.put(kind, 0);
            }
        }
        r.items().forEach(i -> byKind.merge(i.kind(), 1, Integer::sum));
        return new RoadmapState(r.id(), r.title(), r.period().label(), r.status(), r.version(), r.publishedAt(),
                r.progress(), r.items().size(), byKind, r.totalRequested(), r.totalGranted());
    }

    private static List<DemandedDataset> demanded(java.util.Collection<Roadmap> roadmaps, int minRegions,
                                                  Set<String> nationalList) {
        Map<String, Set<String>> regionsOf = new TreeMap<>();
        Map<String, String> titleOf = new HashMap<>();
        Map<String, Set<PriorityOrigin>> answersOf = new HashMap<>();
        List<Roadmap> sorted = roadmaps.stream().sorted(Comparator.comparing(r -> r.issuer().regionCode())).toList();
        for (Roadmap r : sorted) {
            for (Item item : r.items()) {
                if (item.content() instanceof ItemContent.DatasetToOpen d && d.catalogueDatasetId() != null) {
                    regionsOf.computeIfAbsent(d.catalogueDatasetId(), k -> new TreeSet<>()).add(r.issuer().regionCode());
                    titleOf.putIfAbsent(d.catalogueDatasetId(), item.title());
                    answersOf.computeIfAbsent(d.catalogueDatasetId(), k -> java.util.EnumSet.noneOf(PriorityOrigin.class))
                            .add(d.answers());
                }
            }
        }
        return regionsOf.entrySet().stream().filter(e -> e.getValue().size() >= minRegions)
                .map(e -> new DemandedDataset(e.getKey(), titleOf.get(e.getKey()), e.getValue().size(),
                        List.copyOf(e.getValue()), nationalList.contains(e.getKey()),
                        answersOf.get(e.getKey()).contains(PriorityOrigin.NATIONAL),
                        answersOf.get(e.getKey()).contains(PriorityOrigin.LOCAL)))
                .sorted(Comparator.comparingInt(DemandedDataset::regionCount).reversed()
                        .thenComparing(DemandedDataset::catalogueDatasetId))
                .toList();
    }

    private static List<MinistryResources> ministries(List<Roadmap> sections) {
        Map<String, List<Roadmap>> byMinistry = new TreeMap<>();
        sections.forEach(s -> byMinistry.computeIfAbsent(s.issuer().ministryCode(), k -> new ArrayList<>()).add(s));
        List<MinistryResources> out = new ArrayList<>();
        byMinistry.forEach((ministry, list) -> {
            list.sort(Comparator.comparingInt(s -> s.period().startYear()));
            int actions = 0;
            int arbitrated = 0;
            BigDecimal fte = ZERO;
            BigDecimal grantedFte = ZERO;
            BigDecimal amount = ZERO;
            BigDecimal granted = ZERO;
            for (Roadmap s : list) {
                for (Item item : s.items()) {
                    if (item.content() instanceof ItemContent.TerritorialAction a) {
                        actions++;
                        fte = fte.add(a.requestedFte());
                        amount = amount.add(a.requestedAmount());
                        Grant g = item.grant();
                        if (g != null) {
                            arbitrated++;
                            granted = granted.add(g.amount());
                            grantedFte = g.fte() == null ? grantedFte : grantedFte.add(g.fte());
                        }
                    }
                }
            }
            out.add(new MinistryResources(ministry, list.stream()
                    .map(s -> new Section(s.id(), s.period().startYear(), s.status(), s.version())).toList(),
                    actions, arbitrated, fte, grantedFte, amount, granted));
        });
        return out;
    }

    private static MinistryResources total(List<MinistryResources> ministries) {
        BigDecimal fte = ZERO;
        BigDecimal grantedFte = ZERO;
        BigDecimal amount = ZERO;
        BigDecimal granted = ZERO;
        int actions = 0;
        int arbitrated = 0;
        for (MinistryResources m : ministries) {
            fte = fte.add(m.requestedFte());
            grantedFte = grantedFte.add(m.grantedFte());
            amount = amount.add(m.requestedAmount());
            granted = granted.add(m.grantedAmount());
            actions += m.actions();
            arbitrated += m.actionsArbitrated();
        }
        return new MinistryResources("TOTAL", List.of(), actions, arbitrated, fte, grantedFte, amount, granted);
    }

    private static List<DataReturnDelay> dataReturns(List<Roadmap> sections) {
        List<DataReturnDelay> out = new ArrayList<>();
        for (Roadmap s : sections) {
            for (Item item : s.items()) {
                if (item.content() instanceof ItemContent.DataReturn d) {
                    out.add(new DataReturnDelay(s.issuer().ministryCode(), s.period().startYear(), s.id(), item.id(),
                            item.title(), d.datasetCollected(), d.currentDelayDays(), d.targetDelayDays(),
                            Math.max(0, d.currentDelayDays() - d.targetDelayDays()),
                            d.currentDelayDays() <= d.targetDelayDays(), item.status(), item.progress()));
                }
            }
        }
        out.sort(Comparator.comparing(DataReturnDelay::ministry).thenComparingInt(DataReturnDelay::year)
                .thenComparing(DataReturnDelay::title).thenComparing(d -> d.itemId().toString()));
        return out;
    }

    /** For the CSV writer: the items-per-kind columns, in order. */
    public static List<ItemKind> committeeKinds() {
        return java.util.Arrays.stream(ItemKind.values()).filter(k -> k.roadmapKind() == RoadmapKind.COMMITTEE).toList();
    }

}
