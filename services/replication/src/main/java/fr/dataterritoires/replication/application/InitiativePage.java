package fr.dataterritoires.replication.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.dataterritoires.replication.domain.programme.SupportAction;

/**
 * An initiative's page: the initiative, its reach and lineage, support received, and its funding asked to
 * commons-calls. Funding is the only part that depends on another service: when commons-calls is down, slow (the
 * call's deadline) or its circuit breaker open, the page still answers, marked partial, naming the part missing.
 * No transaction is held across the gRPC call.
 */
@Service
public class InitiativePage {

    public static final String FUNDING_PART = "funding";

    private final ReachService reach;
    private final ProgrammeService programme;
    private final FundingLookup funding;
    private final RegistryMetrics metrics;

    public InitiativePage(ReachService reach, ProgrammeService programme, FundingLookup funding,
            RegistryMetrics metrics) {
        this.reach = reach;
        this.programme = programme;
        this.funding = funding;
        this.metrics = metrics;
    }

    /** @param missing parts of the page that could not be had ({@value #FUNDING_PART}), with why */
    public record Page(ReachService.InitiativeReach reach, List<SupportAction> supports, FundingLookup.Answer funding,
            List<Missing> missing) {
        public boolean partial() {
            return !missing.isEmpty();
        }
    }

    public record Missing(String part, String reason) {
    }

    public Page of(UUID id) {
        ReachService.InitiativeReach r = reach.reachOf(id);
        List<SupportAction> supports = programme.supportsOf(id);
        FundingLookup.Answer answer = funding.fundingOf(id, r.initiative().awardIds());
        List<Missing> missing = new ArrayList<>();
        if (answer instanceof FundingLookup.Unavailable unavailable) {
            missing.add(new Missing(FUNDING_PART, unavailable.reason()));
            metrics.fundingPartial(unavailable.cause());
        }
        return new Page(r, supports, answer, List.copyOf(missing));
    }

}
