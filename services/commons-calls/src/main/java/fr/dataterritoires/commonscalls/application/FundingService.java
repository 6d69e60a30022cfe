package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What commons-calls funded: an organisation's awards and allocations, an initiative's (published data). */
@Service
public class FundingService {

    public record Funding(List<GrantService.AwardView> awards, List<Journal.Posted> allocations,
                          List<String> unknownAwardIds) {

        public BigDecimal totalAwarded() {
            return awards.stream().map(a -> a.award().amount()).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        public BigDecimal totalDisbursed() {
            return awards.stream().map(GrantService.AwardView::disbursed).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        /** Net of reversals: a reversed allocation is left out. */
        public BigDecimal totalAllocated() {
            return allocations.stream().filter(p -> !p.reversed()).map(p -> p.details().amount())
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    private final Grants grants;
    private final Journal journal;
    private final GrantService grantViews;

    public FundingService(Grants grants, Journal journal, GrantService grantViews) {
        this.grants = grants;
        this.journal = journal;
        this.grantViews = grantViews;
    }

    @Transactional(readOnly = true)
    public Funding ofOrganisation(String siren) {
        List<GrantService.AwardView> awards = grants.awardsOfOrganisation(siren).stream()
                .map(a -> grantViews.view(a.id())).toList();
        return new Funding(awards, active(journal.allocationsTo(siren)), List.of());
    }

    @Transactional(readOnly = true)
    public Funding ofInitiative(UUID initiativeId, Collection<String> awardIds) {
        List<UUID> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : awardIds) {
            try {
                ids.add(UUID.fromString(raw));
            } catch (IllegalArgumentException e) {
                unknown.add(raw);
            }
        }
        List<GrantService.AwardView> awards = grants.awards(ids).stream().map(a -> grantViews.view(a.id())).toList();
        Set<String> found = new java.util.HashSet<>();
        awards.forEach(a -> found.add(a.award().id().toString()));
        for (UUID id : ids) {
            if (!found.contains(id.toString())) {
                unknown.add(id.toString());
            }
        }
        List<Journal.Posted> allocations = initiativeId == null ? List.of() : active(journal.allocationsToInitiative(initiativeId));
        return new Funding(awards, allocations, unknown);
    }

    private static List<Journal.Posted> active(List<Journal.Posted> allocations) {
        return allocations.stream().filter(p -> !p.reversed()).toList();
    }
}
