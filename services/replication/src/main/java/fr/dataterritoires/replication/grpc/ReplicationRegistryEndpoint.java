package fr.dataterritoires.replication.grpc;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import fr.dataterritoires.contracts.replication.v1.FindInitiativeByAwardRequest;
import fr.dataterritoires.contracts.replication.v1.GetInitiativeRequest;
import fr.dataterritoires.contracts.replication.v1.Initiative;
import fr.dataterritoires.contracts.replication.v1.ListInitiativesRequest;
import fr.dataterritoires.contracts.replication.v1.ListInitiativesResponse;
import fr.dataterritoires.contracts.replication.v1.Maturity;
import fr.dataterritoires.contracts.replication.v1.ReplicationRegistryGrpc;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.grpc.GrpcAuthorizationRules;
import fr.dataterritoires.replication.application.InitiativeService;
import fr.dataterritoires.replication.application.ReachService;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.territory.Siren;

import io.grpc.stub.StreamObserver;

/**
 * {@code ReplicationRegistry}: the registry for the suite's other services, as published data (anonymous reads, like
 * REST). Refused input is INVALID_ARGUMENT naming the field; an unknown initiative or award NOT_FOUND.
 */
@Service
public class ReplicationRegistryEndpoint extends ReplicationRegistryGrpc.ReplicationRegistryImplBase {

    static final int MAX_PAGE = 200;

    private final InitiativeService initiatives;
    private final ReachService reach;
    private final fr.dataterritoires.replication.application.InitiativeStore store;

    public ReplicationRegistryEndpoint(InitiativeService initiatives, ReachService reach,
            fr.dataterritoires.replication.application.InitiativeStore store) {
        this.initiatives = initiatives;
        this.reach = reach;
        this.store = store;
    }

    @Override
    public void getInitiative(GetInitiativeRequest request, StreamObserver<Initiative> responses) {
        answer(responses, () -> {
            UUID id = uuid(request.getInitiativeId(), "initiative_id");
            try {
                return message(reach.reachOf(id));
            } catch (RuleViolation.NotFound e) {
                throw new NotFoundException(e.getMessage());
            }
        });
    }

    @Override
    public void findInitiativeByAward(FindInitiativeByAwardRequest request, StreamObserver<Initiative> responses) {
        answer(responses, () -> {
            UUID award = uuid(request.getAwardId(), "award_id");
            var initiative = store.findByAward(award).orElseThrow(() -> new NotFoundException(
                    "Aucune initiative ne suit le financement " + award + "."));
            return message(reach.reachOf(initiative.id()));
        });
    }

    @Override
    public void listInitiatives(ListInitiativesRequest request, StreamObserver<ListInitiativesResponse> responses) {
        answer(responses, () -> {
            int size = request.getPageSize() == 0 ? 50 : request.getPageSize();
            if (size < 1 || size > MAX_PAGE) {
                throw new InvalidFieldException("page_size", "doit être compris entre 1 et " + MAX_PAGE, size);
            }
            int offset = 0;
            if (!request.getPageToken().isEmpty()) {
                try {
                    offset = Integer.parseInt(request.getPageToken());
                } catch (NumberFormatException e) {
                    offset = -1;
                }
                if (offset < 0) {
                    throw new InvalidFieldException("page_token", "jeton de page inconnu", request.getPageToken());
                }
            }
            String territory = null;
            if (!request.getTerritory().isEmpty()) {
                try {
                    territory = TerritoryRef.fromContractCode(request.getTerritory(), "territory").key();
                } catch (RuleViolation e) {
                    throw new InvalidFieldException("territory", e.getMessage(), request.getTerritory());
                }
            }
            String lead = request.getLeadSiren().isEmpty() ? null : request.getLeadSiren();
            if (lead != null && !Siren.isValid(lead)) {
                throw new InvalidFieldException("lead_siren", "SIREN invalide (9 chiffres, clé de Luhn)", lead);
            }
            List<fr.dataterritoires.replication.domain.initiative.Initiative> page = initiatives.list(territory, lead,
                    null, size + 1, offset);
            ListInitiativesResponse.Builder answer = ListInitiativesResponse.newBuilder();
            page.stream().limit(size).forEach(i -> answer.addInitiatives(message(reach.reachOf(i.id()))));
            if (page.size() > size) {
                answer.setNextPageToken(Integer.toString(offset + size));
            }
            return answer.build();
        });
    }

    static Initiative message(ReachService.InitiativeReach r) {
        var i = r.initiative();
        return Initiative.newBuilder()
                .setInitiativeId(i.id().toString())
                .setTitle(i.title())
                .setLeadSiren(i.leadSiren())
                .addAllTerritories(i.territories().stream().map(TerritoryRef::code).toList())
                .setPolicyDomain(i.content().policyDomain())
                .setMaturity(switch (i.maturity()) {
                    case EXPERIMENT -> Maturity.MATURITY_EXPERIMENT;
                    case VALIDATED -> Maturity.MATURITY_VALIDATED;
                    case ACCELERATED -> Maturity.MATURITY_ACCELERATED;
                    case REPLICATED -> Maturity.MATURITY_REPLICATED;
                    case SUSTAINED -> Maturity.MATURITY_SUSTAINED;
                })
                .addAllAwardIds(i.awardIds().stream().map(UUID::toString).toList())
                .setLiveReplications(r.liveReplications())
                .setTerritoriesReached(r.figures().distinctTerritories())
                .setPopulationReached(r.figures().population())
                .build();
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "doit être un UUID", value);
        }
    }

    private static <T> void answer(StreamObserver<T> responses, Supplier<T> read) {
        responses.onNext(read.get());
        responses.onCompleted();
    }

    /** The registry is published data: open to anonymous callers, as over REST. */
    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        GrpcAuthorizationRules replicationRegistryReads() {
            return GrpcAuthorizationRules.permitAll(
                    GrpcAuthorizationRules.allMethodsOf(ReplicationRegistryGrpc.getServiceDescriptor()));
        }
    }
}
