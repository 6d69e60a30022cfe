package fr.dataterritoires.datasetsearch.integration.harvest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.integration.harvest.ckan.CkanReader;
import fr.dataterritoires.datasetsearch.integration.harvest.csw.CswReader;
import fr.dataterritoires.datasetsearch.integration.harvest.csw.IsoMapper;
import fr.dataterritoires.datasetsearch.integration.harvest.datagouv.DatagouvReader;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.DcatMapper;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.DcatReader;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.JsonLdContexts;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.PodMapper;

/** The production readers wired by hand, as Spring would, without a context. */
final class HarvestFixtures {

    private HarvestFixtures() {
    }

    static Map<SourceKind, SourceReader> readers(InetSocketAddress proxy, int pageSize) {
        HttpFetcher http = new HttpFetcher(new HarvestHttpProperties(Duration.ofSeconds(2), Duration.ofSeconds(20),
                null, proxy == null ? null : URI.create("http://" + proxy.getHostString() + ":" + proxy.getPort()),
                50, pageSize));
        DcatMapper dcat = new DcatMapper();
        PodMapper pod = new PodMapper();
        Map<SourceKind, SourceReader> readers = new EnumMap<>(SourceKind.class);
        readers.put(SourceKind.DCAT, new DcatReader(http, dcat, pod, new JsonLdContexts(http)));
        readers.put(SourceKind.CSW, new CswReader(http, new IsoMapper(), dcat));
        readers.put(SourceKind.DATAGOUV, new DatagouvReader(http));
        readers.put(SourceKind.CKAN, new CkanReader(http, pod));
        return readers;
    }
}
