package fr.dataterritoires.roadmaps.domain.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.territory.Siren;

/** The roadmap aggregate's invariants. */
class RoadmapTest {

    @Test
    void itemKindsFitTheRoadmapKindAndCommitteeTerritoriesLieInTheRegion() {
        Roadmap committee = Fixtures.committeeRoadmap();
        Item action = Item.create(UUID.randomUUID(), "Action", null, null, 1, new ItemContent.TerritorialAction(
                Set.of(TerritoryKey.region("84")), List.of(), new BigDecimal("1.5"), new BigDecimal("10")), null, null, List.of());
        assertThatThrownBy(() -> committee.addItem(action)).isInstanceOf(RuleViolation.class)
                .extracting("field").isEqualTo("kind");
        assertThatThrownBy(() -> Fixtures.ministerialSection().addItem(Fixtures.line("1.00")))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("kind");
        Fixtures.ministerialSection().addItem(action);

        Item paris = Item.create(UUID.randomUUID(), "Cas d'usage", null, null, 1, new ItemContent.UseCase("Mobilité",
                Set.of(TerritoryKey.parse("commune:75056", "t")), "Résultat", List.of()), null, null, List.of());
        assertThatThrownBy(() -> committee.addItem(paris)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("commune:75056").extracting("field").isEqualTo("useCase.territory");
        assertThat(committee.items()).isEmpty();
    }

    @Test
    void parentsExistAndNeverLoop() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        roadmap.addItem(Fixtures.line(a, null, "10.00"));
        roadmap.addItem(Fixtures.line(b, a, "10.00"));
        assertThatThrownBy(() -> roadmap.addItem(Fixtures.line(UUID.randomUUID(), UUID.randomUUID(), "1.00")))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("parentId");
        assertThatThrownBy(() -> roadmap.replaceItem(a, Fixtures.line(a, b, "10.00")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("boucle");
        assertThat(roadmap.item(a).parentId()).as("unchanged after the refusal").isNull();
        assertThat(roadmap.items()).hasSize(2);
        assertThatThrownBy(() -> roadmap.removeItem(a)).hasMessageContaining("sous-éléments");
        assertThatThrownBy(() -> roadmap.track(a, null, 40, null)).hasMessageContaining("sous-éléments");
    }

    @Test
    void aStatusAloneSetsItsDefaultProgressAndCompletedMeansAHundred() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item line = roadmap.addItem(Fixtures.line("10.00"));
        assertThat(line.status()).isEqualTo(ItemStatus.PLANNED);
        assertThat(line.progress()).isZero();
        assertThat(roadmap.track(line.id(), ItemStatus.IN_PROGRESS, null, null).progress()).isEqualTo(50);
        assertThat(roadmap.track(line.id(), null, 70, null).progress()).isEqualTo(70);
        assertThat(roadmap.track(line.id(), ItemStatus.ABANDONED, null, null).progress()).as("kept").isEqualTo(70);
        assertThat(roadmap.track(line.id(), ItemStatus.COMPLETED, null,
                List.of(new Milestone(LocalDate.of(2026, 5, 1), "Livré", true))).progress()).isEqualTo(100);
        assertThatThrownBy(() -> roadmap.track(line.id(), ItemStatus.COMPLETED, 80, null))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("progress");
        assertThatThrownBy(() -> roadmap.track(line.id(), null, 101, null))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("progress");
    }

    @Test
    void arbitrationDecidesEveryLineWithinWhatWasRequested() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item first = roadmap.addItem(Fixtures.line("1000.00"));
        Item second = roadmap.addItem(Fixtures.line("200.00"));
        Item dataset = roadmap.addItem(Item.create(UUID.randomUUID(), "Jeu", null, null, 1,
                new ItemContent.DatasetToOpen(null, AccessLevel.OPEN, LocalDate.of(2027, 1, 1),
                        Siren.parse("200046977"), PriorityOrigin.LOCAL), null, null, List.of()));
        roadmap.submit(Fixtures.NOW);
        roadmap.startReview();
        Grant half = new Grant(new BigDecimal("500"), null, "Moitié");
        Grant small = new Grant(new BigDecimal("100"), null, "Une part");
        assertThatThrownBy(() -> roadmap.arbitrate(Map.of(first.id(), half))).hasMessageContaining(second.title());
        assertThatThrownBy(() -> roadmap.arbitrate(Map.of(first.id(), half, second.id(),
                new Grant(new BigDecimal("200.01"), null, "Trop")))).extracting("field").isEqualTo("decisions.grantedAmount");
        assertThatThrownBy(() -> roadmap.arbitrate(Map.of(first.id(), half, second.id(), small, dataset.id(), small)))
                .extracting("field").isEqualTo("decisions.itemId");
        assertThatThrownBy(() -> new Grant(new BigDecimal("-1"), null, "x")).extracting("field").isEqualTo("grantedAmount");
        assertThat(roadmap.status()).isEqualTo(RoadmapStatus.UNDER_REVIEW);
        roadmap.arbitrate(Map.of(first.id(), half, second.id(), new Grant(new BigDecimal("200"), null, "Tout")));
        assertThat(roadmap.status()).isEqualTo(RoadmapStatus.ARBITRATED);
        assertThat(roadmap.totalRequested()).isEqualByComparingTo("1200.00");
        assertThat(roadmap.totalGranted()).isEqualByComparingTo("700.00");
        assertThat(roadmap.totalGranted().scale()).isEqualTo(2);
    }

    @Test
    void snapshotsDiffFieldByField() {
        Roadmap roadmap = Fixtures.committeeRoadmap();
        Item kept = roadmap.addItem(Fixtures.line("10.00"));
        Item removed = roadmap.addItem(Fixtures.line("20.00"));
        RoadmapSnapshot before = RoadmapSnapshot.of(roadmap);
        roadmap.replaceItem(kept.id(), Fixtures.line(kept.id(), null, "15.00"));
        roadmap.removeItem(removed.id());
        Item added = roadmap.addItem(Fixtures.line("30.00"));
        roadmap.retitle("Nouveau titre");
        RoadmapDiff diff = RoadmapDiff.between(1, before, 2, RoadmapSnapshot.of(roadmap));
        assertThat(diff.added()).extracting(RoadmapDiff.ItemRef::itemId).containsExactly(added.id().toString());
        assertThat(diff.removed()).extracting(RoadmapDiff.ItemRef::itemId).containsExactly(removed.id().toString());
        assertThat(diff.changed()).hasSize(1);
        assertThat(diff.changed().getFirst().fields()).extracting(RoadmapDiff.FieldChange::field)
                .contains("financial_line.amount", "title");
        assertThat(diff.roadmap()).containsExactly(new RoadmapDiff.FieldChange("title", "Feuille de route", "Nouveau titre"));
        assertThat(RoadmapDiff.between(2, RoadmapSnapshot.of(roadmap), 2, RoadmapSnapshot.of(roadmap)).isEmpty()).isTrue();
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> new ItemContent.FinancialLine(new BigDecimal("-0.01"), 2026, FundingSource.PRECIPUT))
                .extracting("field").isEqualTo("financialLine.amount");
        assertThatThrownBy(() -> new ItemContent.FinancialLine(new BigDecimal("0.001"), 2026, FundingSource.PRECIPUT))
                .extracting("field").isEqualTo("financialLine.amount");
        assertThatThrownBy(() -> new ItemContent.DataReturn("Jeu", 30, 60)).extracting("field")
                .isEqualTo("dataReturn.targetDelayDays");
        assertThatThrownBy(() -> TerritoryKey.parse("departement:00", "territory[2]")).extracting("field")
                .isEqualTo("territory[2]");
        assertThatThrownBy(() -> TerritoryKey.parse("84", "territory")).hasMessageContaining("region:84");
        assertThat(TerritoryKey.parse("COMMUNE:2a004", "t").key()).isEqualTo("commune:2A004");
        assertThat(TerritoryKey.parse("epci:200046977", "t").isWithinRegion("84")).isTrue();
        assertThatThrownBy(() -> new Period(2026, 2040)).extracting("field").isEqualTo("period.endYear");
        assertThatThrownBy(() -> Issuer.ministry("ministère")).extracting("field").isEqualTo("ministry");
    }
}
