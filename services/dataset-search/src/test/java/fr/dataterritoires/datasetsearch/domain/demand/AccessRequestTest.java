package fr.dataterritoires.datasetsearch.domain.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

class AccessRequestTest {

    static final Siren PRODUCER = new Siren("213800006");
    static final Siren REQUESTER_ORG = new Siren("130005481");

    static AccessRequest submitted(Instant at) {
        return AccessRequest.submit(AccessRequestId.random(), DatasetId.random(), PRODUCER, REQUESTER_ORG,
                new Requester("sub-1", "Jeanne Martin", "Jeanne.Martin@exemple.gouv.fr"),
                "Étude des mobilités pour le PCAET", new WishedPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31)),
                null, at);
    }

    @Test
    void theRequesterIsErasedOnlyFromAClosedRequestPastItsRetention() {
        java.time.Duration year = java.time.Duration.ofDays(365);
        Instant submittedAt = Instant.parse("2026-01-05T10:00:00Z");
        AccessRequest request = submitted(submittedAt);
        assertThatThrownBy(() -> request.eraseRequester(submittedAt.plus(year.multipliedBy(3)), year))
                .as("open").isInstanceOf(RuleViolation.StateConflict.class);
        Instant answeredAt = Instant.parse("2026-01-20T09:00:00Z");
        request.refuse("Secret statistique", answeredAt);
        assertThatThrownBy(() -> request.eraseRequester(answeredAt.plus(year).minusSeconds(1), year))
                .as("still in retention").isInstanceOf(RuleViolation.StateConflict.class);
        assertThat(request.isRequesterRetentionOver(answeredAt.plus(year), year)).isTrue();

        request.eraseRequester(answeredAt.plus(year), year);
        assertThat(request.requester().isErased()).isTrue();
        assertThat(request.requester().subject()).isNull();
        assertThat(request.requester().name()).isNull();
        assertThat(request.requester().email()).isNull();
        assertThat(request.requester().erasedAt()).isEqualTo(answeredAt.plus(year));
        assertThat(request.refusalReason()).isEqualTo("Secret statistique");
        assertThatThrownBy(() -> request.eraseRequester(answeredAt.plus(year.multipliedBy(2)), year))
                .as("once").isInstanceOf(RuleViolation.StateConflict.class);
        assertThatThrownBy(() -> new Requester("sub", null, null, answeredAt))
                .as("an erased requester keeps nothing").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestReceivedOnJanuary31stMustBeAnsweredByTheLastDayOfFebruary() {
        assertThat(submitted(Instant.parse("2026-01-31T10:00:00Z")).deadline()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(submitted(Instant.parse("2028-01-31T10:00:00Z")).deadline()).isEqualTo(LocalDate.of(2028, 2, 29));
        // 23:30 UTC on 31 December is already 1 January in Paris: the legal date is the French one
        assertThat(submitted(Instant.parse("2025-12-31T23:30:00Z")).deadline()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void overdueFromTheDayAfterTheDeadlineInParisTime() {
        AccessRequest request = submitted(Instant.parse("2026-01-31T10:00:00Z"));
        // 28 Feb 23:30 in Paris (UTC+1): still the deadline day
        assertThat(request.isOverdue(Instant.parse("2026-02-28T22:30:00Z"))).isFalse();
        assertThat(request.daysLeft(Instant.parse("2026-02-28T22:30:00Z"))).isZero();
        // 1 March 00:30 in Paris
        assertThat(request.isOverdue(Instant.parse("2026-02-28T23:30:00Z"))).isTrue();
        assertThat(request.daysLeft(Instant.parse("2026-03-02T10:00:00Z"))).isEqualTo(-2);
        assertThat(request.daysLeft(Instant.parse("2026-02-01T10:00:00Z"))).isEqualTo(27);
    }

    @Test
    void acknowledgingDoesNotStopTheClockButAnAnswerDoes() {
        AccessRequest request = submitted(Instant.parse("2026-01-10T10:00:00Z"));
        request.acknowledge(Instant.parse("2026-01-11T10:00:00Z"));
        assertThat(request.isOverdue(Instant.parse("2026-03-01T10:00:00Z"))).isTrue();
        request.grant(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(request.state()).isEqualTo(AccessRequestState.GRANTED);
        assertThat(request.isOverdue(Instant.parse("2026-03-01T10:00:00Z"))).isFalse();
    }

    @Test
    void anImplicitRefusalOnlyOnceTheDeadlineHasPassed() {
        AccessRequest request = submitted(Instant.parse("2026-01-31T10:00:00Z"));
        assertThatThrownBy(() -> request.refuseImplicitly(Instant.parse("2026-02-28T12:00:00Z")))
                .isInstanceOf(RuleViolation.StateConflict.class).hasMessageContaining("2026-02-28");
        request.refuseImplicitly(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(request.state()).isEqualTo(AccessRequestState.IMPLICITLY_REFUSED);
        assertThat(request.answeredAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void aRefusalNeedsAReason() {
        AccessRequest request = submitted(Instant.parse("2026-01-10T10:00:00Z"));
        assertThatThrownBy(() -> request.refuse("  ", Instant.parse("2026-01-12T10:00:00Z")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("reason")
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("reason");
        assertThat(request.state()).isEqualTo(AccessRequestState.SUBMITTED);
        request.refuse("Données couvertes par le secret statistique", Instant.parse("2026-01-12T10:00:00Z"));
        assertThat(request.refusalReason()).isEqualTo("Données couvertes par le secret statistique");
    }

    @Test
    void inputsAreCheckedWithTheFieldNamed() {
        assertThatThrownBy(() -> new WishedPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("wishedEnd");
        assertThatThrownBy(() -> new Requester("s", "Jeanne", "pas-une-adresse"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("requesterEmail");
        assertThatThrownBy(() -> AccessRequest.submit(AccessRequestId.random(), DatasetId.random(), PRODUCER,
                REQUESTER_ORG, new Requester("s", "Jeanne", "j@exemple.fr"), "x".repeat(AccessRequest.PURPOSE_MAX + 1),
                new WishedPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)), null, Instant.now()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("purpose");
        assertThat(new Requester("s", " Jeanne ", "J.Doe@Exemple.FR").email()).isEqualTo("j.doe@exemple.fr");
    }
}
