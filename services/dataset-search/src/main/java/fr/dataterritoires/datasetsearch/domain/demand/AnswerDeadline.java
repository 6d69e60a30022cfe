package fr.dataterritoires.datasetsearch.domain.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The legal answer deadline of an access request: the administration has one month from the day it received the
 * request (CRPA art. R311-13); its silence past that is a refusal. Computed on French legal dates (Europe/Paris):
 * received on 31 January, the deadline is the last day of February (28 or 29), as {@link LocalDate#plusMonths} clamps.
 * The request is overdue from the day after the deadline.
 */
public final class AnswerDeadline {

    public static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");

    private AnswerDeadline() {
    }

    /** The legal date of an instant. */
    public static LocalDate legalDate(Instant instant) {
        return instant.atZone(LEGAL_ZONE).toLocalDate();
    }

    /** Last day on which an answer is on time for a request received at {@code submittedAt}. */
    public static LocalDate of(Instant submittedAt) {
        return legalDate(submittedAt).plusMonths(1);
    }

    /** Whether, at {@code now}, the deadline has passed (the deadline day itself is still on time). */
    public static boolean isPast(LocalDate deadline, Instant now) {
        return legalDate(now).isAfter(deadline);
    }

    /** Days from today (legal date of {@code now}) to the deadline: 0 on the day itself, negative once past. */
    public static long daysLeft(LocalDate deadline, Instant now) {
        return ChronoUnit.DAYS.between(legalDate(now), deadline);
    }
}
