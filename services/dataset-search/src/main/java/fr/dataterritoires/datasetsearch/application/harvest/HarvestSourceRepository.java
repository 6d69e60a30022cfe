package fr.dataterritoires.datasetsearch.application.harvest;

import java.util.List;
import java.util.Optional;

import fr.dataterritoires.datasetsearch.domain.HarvestSource;

/** The catalogues the service harvests. */
public interface HarvestSourceRepository {

    Optional<HarvestSource> find(String id);

    /** Every source, by id. */
    List<HarvestSource> findAll();

    /** Inserts; a {@link fr.dataterritoires.platform.errors.ConflictException} when the id is taken. */
    void insert(HarvestSource source);

    /** Replaces the stored source of the same id. */
    void update(HarvestSource source);
}
