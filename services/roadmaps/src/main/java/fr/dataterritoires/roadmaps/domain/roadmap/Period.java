package fr.dataterritoires.roadmaps.domain.roadmap;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** The years a roadmap covers, both included (a ministerial section covers one year). */
public record Period(int startYear, int endYear) {

    public static final int MAX_YEARS = 10;

    public Period {
        Checks.year(startYear, "period.startYear");
        Checks.year(endYear, "period.endYear");
        if (endYear < startYear) {
            throw RuleViolation.invalid("period.endYear", "La période finit (period.endYear) avant de commencer.");
        }
        if (endYear - startYear >= MAX_YEARS) {
            throw RuleViolation.invalid("period.endYear", "Une période couvre au plus " + MAX_YEARS + " ans.");
        }
    }

    public static Period year(int year) {
        return new Period(year, year);
    }

    public String label() {
        return startYear == endYear ? String.valueOf(startYear) : startYear + "-" + endYear;
    }
}
