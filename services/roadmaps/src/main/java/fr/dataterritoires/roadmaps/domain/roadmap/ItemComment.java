package fr.dataterritoires.roadmaps.domain.roadmap;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;

/** A comment on a roadmap item: who (token subject and display name), when, what. */
public record ItemComment(UUID id, UUID roadmapId, UUID itemId, String author, String authorName, Instant writtenAt,
                          String text) {

    public static final int TEXT_MAX = 4000;

    public ItemComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roadmapId, "roadmapId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(writtenAt, "writtenAt");
        authorName = authorName == null ? author : authorName;
        text = Checks.required(text, "text", TEXT_MAX);
    }
}
