package fr.dataterritoires.platform.grpc;

import fr.dataterritoires.contracts.datasetsearch.v1.AccessLevel;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryGrpc;
import fr.dataterritoires.contracts.datasetsearch.v1.DatasetSummary;
import fr.dataterritoires.contracts.datasetsearch.v1.GetDatasetRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsRequest;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolveDatasetsResponse;
import fr.dataterritoires.contracts.datasetsearch.v1.ResolvedDataset;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.DomainRuleViolation;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.errors.GoneException;
import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.ServiceUnavailableException;
import fr.dataterritoires.platform.errors.TimeBudgetExceededException;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;
import io.grpc.Context;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The {@code DatasetDirectory} contract over an in-memory catalogue, plus a few dataset ids that
 * make the server misbehave on purpose:
 * <ul>
 * <li>{@code flaky:<key>}: UNAVAILABLE for the first two invocations of that key, then found;</li>
 * <li>{@code down:<key>}: always UNAVAILABLE;</li>
 * <li>{@code slow}: answers only when the caller gives up;</li>
 * <li>{@code boom}, {@code rule}, {@code conflict}: an unexpected failure, a domain rule, a conflict;</li>
 * <li>{@code invalid-field}, {@code invalid-parameter}, {@code unknown-value}: a refused field of each shape;</li>
 * <li>{@code gone}, {@code over-budget}, {@code dependency-down}: a withdrawn dataset, a read past its time budget, an
 * unreachable dependency;</li>
 * <li>{@code duplicate}, {@code boom-sql}: a database error whose message holds an e-mail, as such
 * and as the cause of an unexpected failure;</li>
 * <li>{@code whoami}: a summary describing the caller as the platform mapped its token;</li>
 * <li>{@code trace}: a summary telling the trace the call runs in, as the logs see it (title: the MDC's trace id) and
 * as the tracer does (producer name: the parent of the server's span);</li>
 * <li>{@code relay:<id>}: looks {@code <id>} up through a gRPC call to itself.</li>
 * </ul>
 * Invocations are counted per dataset id (and per reference for ResolveDatasets, prefixed
 * {@code resolve/}), so tests can tell how often a call reached the server.
 */
@Service
class InMemoryDatasetDirectory extends DatasetDirectoryGrpc.DatasetDirectoryImplBase {

    static final Map<String, AtomicInteger> INVOCATIONS = new ConcurrentHashMap<>();

    static final DatasetSummary BAN = DatasetSummary.newBuilder()
            .setDatasetId("ban")
            .setTitle("Base adresse nationale")
            .setSourceUri("https://adresse.data.gouv.fr/donnees-nationales")
            .setAccessLevel(AccessLevel.ACCESS_LEVEL_OPEN)
            .setProducerName("IGN")
            .addCoverageCodes("FR")
            .build();

    private static final Map<String, DatasetSummary> CATALOGUE = Map.of(BAN.getDatasetId(), BAN);

    private final ObjectProvider<DatasetDirectoryGrpc.DatasetDirectoryBlockingStub> self;
    private final ObjectProvider<Tracer> tracer;

    InMemoryDatasetDirectory(ObjectProvider<DatasetDirectoryGrpc.DatasetDirectoryBlockingStub> self,
                             ObjectProvider<Tracer> tracer) {
        this.self = self;
        this.tracer = tracer;
    }

    static int invocations(String key) {
        AtomicInteger count = INVOCATIONS.get(key);
        return count == null ? 0 : count.get();
    }

    @Override
    public void getDataset(GetDatasetRequest request, StreamObserver<DatasetSummary> responses) {
        String id = request.getDatasetId();
        int invocation = INVOCATIONS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (id.startsWith("flaky:") && invocation <= 2 || id.startsWith("down:")) {
            responses.onError(Status.UNAVAILABLE.withDescription("Catalogue momentanément indisponible.")
                    .asRuntimeException());
            return;
        }
        DatasetSummary answer = switch (id) {
            case "slow" -> waitUntilTheCallerGivesUp();
            case "boom" -> throw new IllegalStateException(
                    "Connection to jdbc:postgresql://10.0.0.12:5432/catalogue refused for user 'catalogue'");
            case "rule" -> throw new DomainRuleViolation("catalogue-en-maintenance",
                    "Le catalogue est en maintenance : réessayez dans quelques minutes.");
            case "conflict" -> throw new ConflictException("Le jeu de données a été modifié entre-temps.");
            case "state-conflict" -> throw new RuleViolation.StateConflict("jeu-retire",
                    "Le jeu de données est retiré : il ne peut plus être modifié.");
            case "domain-missing" -> throw new RuleViolation.NotFound("Le jeu de données n'a pas de distribution « csv ».");
            case "domain-invalid" -> throw RuleViolation.invalid("datasetId", "identifiant mal formé");
            case "invalid-field" -> throw new InvalidFieldException("datasetId", "identifiant mal formé", id);
            case "invalid-parameter" -> throw InvalidFieldException.parameter("cursor",
                    "Le curseur de pagination ne correspond pas à cette recherche.", null);
            case "unknown-value" -> throw InvalidFieldException.unknownValue("accessLevel", "PUBLIC",
                    List.of("OPEN", "SHARED", "RESTRICTED"));
            case "gone" -> throw new GoneException(ProblemTypes.BASE + "jeu-de-donnees-retire", "Jeu de données retiré",
                    "Le jeu de données gone a été retiré.", Map.of("datasetId", id));
            case "over-budget" -> throw new TimeBudgetExceededException(
                    "La recherche a dépassé le temps imparti. Réessayez ou affinez la recherche.", null);
            case "dependency-down" -> throw new ServiceUnavailableException(
                    "La recherche est momentanément indisponible.", new IllegalStateException("node down"));
            case "duplicate" -> throw duplicateEmail();
            case "boom-sql" -> throw new IllegalStateException("Import failed", duplicateEmail());
            case "whoami" -> whoAmI(Actors.current());
            case "trace" -> currentTrace();
            default -> {
                if (id.startsWith("relay:")) {
                    // No token set here: the platform's client propagates the caller's.
                    yield self.getObject().getDataset(GetDatasetRequest.newBuilder()
                            .setDatasetId(id.substring("relay:".length())).build());
                }
                if (id.startsWith("flaky:")) {
                    yield BAN.toBuilder().setDatasetId(id).build();
                }
                DatasetSummary found = CATALOGUE.get(id);
                if (found == null) {
                    throw NotFoundException.of("jeu de données", id);
                }
                yield found;
            }
        };
        responses.onNext(answer);
        responses.onCompleted();
    }

    @Override
    public void resolveDatasets(ResolveDatasetsRequest request, StreamObserver<ResolveDatasetsResponse> responses) {
        ResolveDatasetsResponse.Builder answer = ResolveDatasetsResponse.newBuilder();
        for (String reference : request.getReferencesList()) {
            int invocation = INVOCATIONS.computeIfAbsent("resolve/" + reference, k -> new AtomicInteger())
                    .incrementAndGet();
            if (reference.startsWith("flaky:") && invocation <= 2) {
                responses.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            DatasetSummary found = CATALOGUE.values().stream()
                    .filter(d -> d.getDatasetId().equals(reference) || d.getSourceUri().equals(reference))
                    .findFirst().orElse(null);
            if (found == null) {
                answer.addUnresolved(reference);
            } else {
                answer.addResolved(ResolvedDataset.newBuilder().setReference(reference).setDataset(found));
            }
        }
        responses.onNext(answer.build());
        responses.onCompleted();
    }

    /** What a unique e-mail violation looks like: PostgreSQL's message carries the value. */
    static DataIntegrityViolationException duplicateEmail() {
        String postgres = "ERROR: duplicate key value violates unique constraint \"contact_email_key\"\n"
                + "  Detail: Key (email)=(" + DUPLICATE_EMAIL + ") already exists.";
        return new DataIntegrityViolationException("PreparedStatementCallback; " + postgres,
                new SQLException(postgres, "23505"));
    }

    static final String DUPLICATE_EMAIL = "jean.dupont@example.fr";

    private static DatasetSummary waitUntilTheCallerGivesUp() {
        Context context = Context.current();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!context.isCancelled() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return BAN;
    }

    private DatasetSummary currentTrace() {
        Span span = tracer.getObject().currentSpan();
        String parent = span == null ? null : span.context().parentId();
        return DatasetSummary.newBuilder()
                .setDatasetId("trace")
                .setTitle(String.valueOf(MDC.get("traceId")))
                .setProducerName(String.valueOf(parent))
                .build();
    }

    private static DatasetSummary whoAmI(DtPrincipal actor) {
        return DatasetSummary.newBuilder()
                .setDatasetId(actor.subject())
                .setTitle(actor.name())
                .setProducerName(actor.roles().toString())
                .addCoverageCodes(actor.region() == null ? "" : actor.region())
                .build();
    }
}
