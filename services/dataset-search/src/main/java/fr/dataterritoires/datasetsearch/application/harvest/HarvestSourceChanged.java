package fr.dataterritoires.datasetsearch.application.harvest;

import fr.dataterritoires.datasetsearch.domain.HarvestSource;

/** A source was created or changed (published after commit): its schedule must be (re)installed. */
public record HarvestSourceChanged(HarvestSource source) {
}
