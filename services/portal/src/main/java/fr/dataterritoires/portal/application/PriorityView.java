package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.portal.domain.Vocabulary;

/** A national or local priority as {@code GET /api/priorities} returns it. */
public record PriorityView(UUID id, String level, String regionCode, String subject, String title,
                           String datasetReference, String theme, List<String> territories, String targetAccessLevel,
                           LocalDate targetDate, Instant declaredAt) {

    public String subjectLabel() {
        return Vocabulary.label(Vocabulary.PRIORITY_SUBJECTS, subject);
    }

    public String targetAccessLevelLabel() {
        return Vocabulary.label(Vocabulary.ACCESS_LEVELS, targetAccessLevel);
    }
}
