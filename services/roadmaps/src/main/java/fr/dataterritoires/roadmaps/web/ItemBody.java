package fr.dataterritoires.roadmaps.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;
import fr.dataterritoires.roadmaps.domain.roadmap.DataRole;
import fr.dataterritoires.roadmaps.domain.roadmap.FundingSource;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemStatus;
import fr.dataterritoires.roadmaps.domain.roadmap.PriorityOrigin;

/**
 * A roadmap item as sent by the issuer: the common fields, and the sub-object of its kind ({@code useCase},
 * {@code dataset}, {@code roleAllocation}, {@code financialLine} in a committee roadmap; {@code action},
 * {@code dataReturn}, {@code nationalTool} in a ministerial section). {@code version} is the roadmap version the
 * caller read (optimistic locking). Territories are {@code level:code} keys (region:84, commune:69123...).
 */
public record ItemBody(
        @NotNull @Min(1) Long version,
        @NotNull ItemKind kind,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 8000) String description,
        UUID parentId,
        @Min(1) @Max(100) Integer weight,
        ItemStatus status,
        @Min(0) @Max(100) Integer progress,
        @Valid @Size(max = 50) List<MilestoneBody> milestones,
        @Valid UseCaseBody useCase,
        @Valid DatasetBody dataset,
        @Valid RoleAllocationBody roleAllocation,
        @Valid FinancialLineBody financialLine,
        @Valid ActionBody action,
        @Valid DataReturnBody dataReturn,
        @Valid NationalToolBody nationalTool) {

    public record MilestoneBody(@NotNull @PlausibleDate LocalDate date, @NotBlank @Size(max = 300) String title, boolean done) {
    }

    public record IndicatorBody(@NotBlank @Size(max = 300) String name, @NotNull BigDecimal baseline,
                                @NotNull BigDecimal target, @NotBlank @Size(max = 50) String unit,
                                @NotNull @PlausibleDate LocalDate dueDate) {
    }

    public record UseCaseBody(@NotBlank @Size(max = 200) String policyDomain, @Size(max = 500) List<String> territory,
                              @NotBlank @Size(max = 4000) String expectedOutcome,
                              @Valid @Size(max = 20) List<IndicatorBody> indicators) {
    }

    public record DatasetBody(@Size(max = 2000) String catalogueDatasetId, @NotNull AccessLevel targetAccessLevel,
                              @NotNull @PlausibleDate LocalDate targetDate,
                              @NotBlank String responsibleSiren,
                              @NotNull PriorityOrigin answers) {
    }

    public record RoleAllocationBody(@NotBlank String organisationSiren,
                                     @NotBlank @Size(max = 200) String organisationName, @NotNull DataRole role) {
    }

    public record FinancialLineBody(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                    @NotNull @Min(2000) @Max(2100) Integer year, @NotNull FundingSource source) {
    }

    public record ActionBody(@NotNull @Size(min = 1, max = 500) List<String> territory,
                             @Size(max = 50) List<@NotBlank @Size(max = 200) String> deconcentratedServices,
                             @NotNull @DecimalMin("0.00") @Digits(integer = 5, fraction = 2) BigDecimal requestedFte,
                             @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal requestedAmount) {
    }

    public record DataReturnBody(@NotBlank @Size(max = 500) String datasetCollected,
                                 @NotNull @Min(0) @Max(3650) Integer currentDelayDays,
                                 @NotNull @Min(0) @Max(3650) Integer targetDelayDays) {
    }

    public record NationalToolBody(@NotBlank @Size(max = 2000) String purpose,
                                   @Size(max = 200) List<String> partnerSirens) {
    }
}
