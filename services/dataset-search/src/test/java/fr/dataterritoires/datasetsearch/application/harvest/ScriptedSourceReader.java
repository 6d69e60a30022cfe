package fr.dataterritoires.datasetsearch.application.harvest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.core.Ordered;

import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/**
 * A DCAT reader serving what the test wrote for each source: the items the format readers would have produced (the
 * test's input), a read failure, or a read that waits at a gate (to observe a run in progress). Orders first, so it
 * wins over the real DCAT reader in this test context only.
 */
public class ScriptedSourceReader implements SourceReader, Ordered {

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    public record Script(List<HarvestItem> items, String failAfterItems, CountDownLatch gate) {
    }

    public void serve(String sourceId, List<HarvestItem> items) {
        scripts.put(sourceId, new Script(List.copyOf(items), null, null));
    }

    /** Hands the items, then fails as an unreachable page would. */
    public void serveThenFail(String sourceId, List<HarvestItem> items, String error) {
        scripts.put(sourceId, new Script(List.copyOf(items), error, null));
    }

    /** Hands the items once {@code gate} opens. */
    public void serveWhenOpen(String sourceId, List<HarvestItem> items, CountDownLatch gate) {
        scripts.put(sourceId, new Script(List.copyOf(items), null, gate));
    }

    @Override
    public SourceKind kind() {
        return SourceKind.DCAT;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void read(HarvestSource source, Consumer<HarvestItem> sink) {
        Script script = scripts.get(source.id());
        if (script == null) {
            throw new SourceUnreadableException("no script for " + source.id());
        }
        if (script.gate() != null) {
            try {
                if (!script.gate().await(60, TimeUnit.SECONDS)) {
                    throw new SourceUnreadableException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnreadableException("interrupted", e);
            }
        }
        script.items().forEach(sink);
        if (script.failAfterItems() != null) {
            throw new SourceUnreadableException(script.failAfterItems());
        }
    }
}
