package fr.dataterritoires.datasetsearch.application.harvest;

import java.util.function.Consumer;

import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/** Reads every record a source carries, following its paging; one implementation per {@link SourceKind}. */
public interface SourceReader {

    SourceKind kind();

    /**
     * Hands each record of {@code source} to {@code sink}, page after page. A record that cannot be understood is
     * handed as {@link HarvestItem.Failed} and reading goes on.
     *
     * @throws SourceUnreadableException when the source (or one of its pages) cannot be read at all: the run then
     *                                   fails and nothing is withdrawn, since what was not read was not seen
     */
    void read(HarvestSource source, Consumer<HarvestItem> sink) throws SourceUnreadableException;
}
