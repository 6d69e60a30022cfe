package fr.dataterritoires.roadmaps.domain.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** The review workflow as a state machine, under every sequence of commands. */
class WorkflowPropertiesTest {

    @Property(tries = 500)
    void anySequenceOfCommandsFollowsTheTableAndPublishedIsFinal(
            @ForAll("actions") @Size(max = 30) List<WorkflowAction> actions) {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item line = roadmap.addItem(Fixtures.line("1000.00"));
        List<RoadmapStatus> visited = new ArrayList<>(List.of(roadmap.status()));
        for (WorkflowAction action : actions) {
            RoadmapStatus before = roadmap.status();
            var expected = Workflow.next(before, action);
            try {
                apply(roadmap, action, line);
                assertThat(expected).as("%s from %s was accepted", action, before).isPresent();
                assertThat(roadmap.status()).isEqualTo(expected.get());
            } catch (RuleViolation.StateConflict refused) {
                assertThat(expected).as("%s from %s was refused", action, before).isEmpty();
                assertThat(roadmap.status()).as("a refused command changes nothing").isEqualTo(before);
            }
            visited.add(roadmap.status());
            // content is editable exactly in DRAFT and CHANGES_REQUESTED
            if (roadmap.status().isEditable()) {
                roadmap.retitle("Titre " + visited.size());
            } else {
                assertThatThrownBy(() -> roadmap.retitle("refusé")).isInstanceOf(RuleViolation.StateConflict.class);
                assertThatThrownBy(() -> roadmap.addItem(Fixtures.line("1.00")))
                        .isInstanceOf(RuleViolation.StateConflict.class);
            }
        }
        int published = visited.indexOf(RoadmapStatus.PUBLISHED);
        if (published >= 0) {
            // final: nothing after publication changes the status
            assertThat(visited.subList(published, visited.size())).containsOnly(RoadmapStatus.PUBLISHED);
            // and it was reached through submission, review and arbitration, in that order
            List<RoadmapStatus> path = visited.subList(0, published);
            int arbitrated = path.lastIndexOf(RoadmapStatus.ARBITRATED);
            int review = path.lastIndexOf(RoadmapStatus.UNDER_REVIEW);
            int submitted = path.lastIndexOf(RoadmapStatus.SUBMITTED);
            assertThat(submitted).isGreaterThanOrEqualTo(0).isLessThan(review);
            assertThat(review).isLessThan(arbitrated);
            assertThat(roadmap.publishedAt()).isNotNull();
            assertThat(roadmap.item(line.id()).grant()).isNotNull();
        } else {
            assertThat(roadmap.publishedAt()).isNull();
        }
    }

    @Test
    void theTableIsTheDocumentedOne() {
        Map<RoadmapStatus, Set<WorkflowAction>> allowed = Map.of(
                RoadmapStatus.DRAFT, EnumSet.of(WorkflowAction.SUBMIT),
                RoadmapStatus.SUBMITTED, EnumSet.of(WorkflowAction.START_REVIEW),
                RoadmapStatus.UNDER_REVIEW, EnumSet.of(WorkflowAction.REQUEST_CHANGES, WorkflowAction.ARBITRATE),
                RoadmapStatus.CHANGES_REQUESTED, EnumSet.of(WorkflowAction.REOPEN, WorkflowAction.SUBMIT),
                RoadmapStatus.ARBITRATED, EnumSet.of(WorkflowAction.PUBLISH),
                RoadmapStatus.PUBLISHED, EnumSet.noneOf(WorkflowAction.class));
        for (RoadmapStatus status : RoadmapStatus.values()) {
            for (WorkflowAction action : WorkflowAction.values()) {
                assertThat(Workflow.next(status, action).isPresent()).as("%s from %s", action, status)
                        .isEqualTo(allowed.get(status).contains(action));
            }
        }
        assertThat(Workflow.isFinal(RoadmapStatus.PUBLISHED)).isTrue();
        assertThat(EnumSet.allOf(WorkflowAction.class).stream().filter(WorkflowAction::isCoordinatorOnly))
                .containsExactlyInAnyOrder(WorkflowAction.START_REVIEW, WorkflowAction.REQUEST_CHANGES,
                        WorkflowAction.ARBITRATE, WorkflowAction.PUBLISH);
    }

    @Provide
    Arbitrary<List<WorkflowAction>> actions() {
        // biased towards the forward path so that publication is often reached
        Arbitrary<WorkflowAction> one = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(WorkflowAction.SUBMIT)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(WorkflowAction.START_REVIEW)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(WorkflowAction.REQUEST_CHANGES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(WorkflowAction.REOPEN)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(WorkflowAction.ARBITRATE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(WorkflowAction.PUBLISH)));
        return one.list().ofMaxSize(30);
    }

    private static void apply(Roadmap roadmap, WorkflowAction action, Item line) {
        switch (action) {
            case SUBMIT -> roadmap.submit(Fixtures.NOW);
            case START_REVIEW -> roadmap.startReview();
            case REQUEST_CHANGES -> roadmap.requestChanges("À revoir");
            case REOPEN -> roadmap.reopen();
            case ARBITRATE -> roadmap.arbitrate(Map.of(line.id(), new Grant(new BigDecimal("500.00"), null, "Moitié")));
            case PUBLISH -> roadmap.publish(Fixtures.NOW);
        }
    }
}
