package fr.dataterritoires.commonscalls.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Programme;
import fr.dataterritoires.territory.Siren;

/** Funders and their programmes. */
public interface Funders {

    void insert(Funder funder);

    Optional<Funder> find(UUID id);

    Optional<Funder> bySiren(Siren siren);

    /** By name, then id: one page. */
    List<Funder> page(int limit, int offset);

    void insert(Programme programme);

    Optional<Programme> programme(UUID id);

    List<Programme> programmesOf(UUID funderId);
}
