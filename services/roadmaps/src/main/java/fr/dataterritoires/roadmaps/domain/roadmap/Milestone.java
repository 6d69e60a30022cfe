package fr.dataterritoires.roadmaps.domain.roadmap;

import java.time.LocalDate;

import fr.dataterritoires.platform.errors.rules.Checks;

/** A dated step of an item (CONSUL's milestones, Decidim's timeline). */
public record Milestone(LocalDate date, String title, boolean done) {

    public static final int TITLE_MAX = 300;
    public static final int MAX = 50;

    public Milestone {
        Checks.notNull(date, "milestones.date");
        title = Checks.required(title, "milestones.title", TITLE_MAX);
    }
}
