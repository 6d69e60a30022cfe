package fr.dataterritoires.roadmaps.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;

/** Bodies of the roadmap commands. {@code version}: the roadmap version the caller read. */
public final class WorkflowBodies {

    private WorkflowBodies() {
    }

    public record CommitteeRoadmapBody(@NotBlank String regionCode, @NotNull @Min(2000) @Max(2100) Integer startYear,
                                       @NotNull @Min(2000) @Max(2100) Integer endYear,
                                       @NotBlank @Size(max = 300) String title) {
    }

    public record MinisterialSectionBody(@NotBlank @Size(max = 30) String ministry,
                                         @NotNull @Min(2000) @Max(2100) Integer year,
                                         @NotBlank @Size(max = 300) String title) {
    }

    public record VersionBody(@NotNull @Min(1) Long version) {
    }

    public record TitleBody(@NotNull @Min(1) Long version, @NotBlank @Size(max = 300) String title) {
    }

    public record ReasonBody(@NotNull @Min(1) Long version, @NotBlank @Size(max = 4000) String reason) {
    }

    public record TrackingBody(@NotNull @Min(1) Long version, ItemStatus status, @Min(0) @Max(100) Integer progress,
                               @Valid @Size(max = 50) List<ItemBody.MilestoneBody> milestones) {
    }

    public record CommentBody(@NotBlank @Size(max = 4000) String text) {
    }

    public record ArbitrationBody(@NotNull @Min(1) Long version, @NotNull @Valid @Size(max = 2000) List<Decision> decisions) {
    }

    public record Decision(@NotNull UUID itemId,
                           @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal grantedAmount,
                           @DecimalMin("0.00") @Digits(integer = 5, fraction = 2) BigDecimal grantedFte,
                           @NotBlank @Size(max = 2000) String reason) {
    }
}
