package fr.dataterritoires.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Once every test of the run has finished ({@code make e2e}: the journeys and the fault scenarios), prints the event
 * figures each suite reported ({@link EventFigures#report}) again, with their total, so that they close the run's
 * output; the total also goes to {@link EventFigures#FILE}. Registered through {@code META-INF/services}; silent when
 * nothing was reported (the unit tests of {@code make test}).
 */
public class EventFiguresSummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<EventFigures> sections = EventFigures.reported();
        if (sections.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append('\n').append("=".repeat(110)).append('\n');
        text.append(" Events of this run, per suite and flow (lost must be 0)\n");
        text.append("=".repeat(110)).append('\n');
        long sent = 0;
        long received = 0;
        long duplicated = 0;
        long lost = 0;
        long pending = 0;
        for (EventFigures figures : sections) {
            text.append(figures.table()).append('\n');
            sent += figures.sent();
            received += figures.received();
            duplicated += figures.duplicated();
            lost += figures.lost();
            pending += figures.pending();
        }
        String total = String.format(" All suites: %d sent, %d received, %d duplicated, %d lost, %d pending%n", sent,
                received, duplicated, lost, pending);
        text.append(total).append("=".repeat(110)).append('\n');
        System.out.print(text);
        System.out.flush();
        try {
            Files.writeString(EventFigures.FILE, total, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not add the total to " + EventFigures.FILE + ": " + e);
        }
    }
}
