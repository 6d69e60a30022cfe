package fr.dataterritoires.exchanges.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.exchanges.application.ApplicationService;
import fr.dataterritoires.exchanges.application.OfferService;
import fr.dataterritoires.exchanges.domain.DateRange;
import fr.dataterritoires.exchanges.domain.HostType;
import fr.dataterritoires.exchanges.domain.OfferStatus;
import fr.dataterritoires.exchanges.domain.Side;
import fr.dataterritoires.exchanges.domain.WorkMode;
import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Host offers (drafted, published and closed by the host's manager; published ones public) and applying to them. */
@RestController
@RequestMapping("/api/offers")
@Tag(name = "Offres d'accueil", description = "Offres d'échange courtes publiées par les administrations d'accueil")
public class OfferController {

    private final OfferService offers;
    private final ApplicationService applications;

    public OfferController(OfferService offers, ApplicationService applications) {
        this.offers = offers;
        this.applications = applications;
    }

    record WindowBody(@NotNull(message = "la date de début est obligatoire") @PlausibleDate LocalDate startDate,
                      @NotNull(message = "la date de fin est obligatoire") @PlausibleDate LocalDate endDate) {
    }

    record OfferBody(
            @Schema(description = "SIREN de l'administration d'accueil") @NotBlank String hostSiren,
            @Schema(description = "Type d'administration d'accueil") @NotNull HostType hostType,
            @Schema(description = "Nom de l'administration d'accueil") @NotBlank @Size(max = 200) String hostName,
            @Schema(description = "Code INSEE de la région du lieu d'accueil")
            @NotNull @Pattern(regexp = "^[0-9]{2}$", message = "code INSEE de région à 2 chiffres attendu") String regionCode,
            @Schema(description = "Ministère de rattachement (côté État)")
            @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,29}$", message = "code de ministère en majuscules attendu") String ministry,
            @Schema(description = "Intitulé de l'offre") @NotBlank @Size(max = 300) String title,
            @Schema(description = "Thématiques de données") @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> topics,
            @Schema(description = "Ce que fera l'agent accueilli") @NotBlank @Size(max = 4000) String activities,
            @Schema(description = "Ce que l'agent accueilli apprendra") @NotBlank @Size(max = 4000) String learningOutcomes,
            @Schema(description = "Durée minimale en jours") @NotNull @Min(1) Integer minDays,
            @Schema(description = "Durée maximale en jours") @NotNull @Min(1) Integer maxDays,
            @Schema(description = "Périodes de disponibilité") @NotEmpty @Size(max = 20) List<@Valid @NotNull WindowBody> windows,
            @Schema(description = "Nombre de places") @NotNull @Min(1) @Max(100) Integer capacity,
            @Schema(description = "Sur place, à distance ou les deux") @NotNull WorkMode workMode,
            @Schema(description = "Lieu (obligatoire sauf à distance)") @Size(max = 300) String place) {
    }

    @PostMapping
    @Operation(summary = "Rédiger une offre (gestionnaire de l'administration d'accueil)")
    public ResponseEntity<Views.OfferView> draft(@Valid @RequestBody OfferBody b, DtPrincipal actor) {
        // a malformed SIREN is bad input (400), before anyone's right to act for it is looked at
        fr.dataterritoires.territory.Siren.validationError(b.hostSiren()).ifPresent(error -> {
            throw new fr.dataterritoires.platform.errors.InvalidFieldException("hostSiren", error, b.hostSiren());
        });
        List<DateRange> windows = new java.util.ArrayList<>();
        for (int i = 0; i < b.windows().size(); i++) {
            windows.add(DateRange.of(b.windows().get(i).startDate(), b.windows().get(i).endDate(),
                    "windows[" + i + "]"));
        }
        var offer = offers.draft(actor, new OfferService.DraftOffer(b.hostSiren(), b.hostType(), b.hostName(),
                b.regionCode(), b.ministry(), b.title(), b.topics(), b.activities(), b.learningOutcomes(),
                b.minDays(), b.maxDays(), windows, b.capacity(), b.workMode(), b.place()));
        return ResponseEntity.created(URI.create("/api/offers/" + offer.id())).body(Views.OfferView.of(offer));
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "Publier une offre en brouillon")
    public Views.OfferView publish(@PathVariable UUID id, DtPrincipal actor) {
        return Views.OfferView.of(offers.publish(actor, id));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Clore une offre")
    public Views.OfferView close(@PathVariable UUID id, DtPrincipal actor) {
        return Views.OfferView.of(offers.close(actor, id));
    }

    @GetMapping
    @Operation(summary = "Offres publiées (public) ; mine=true : les offres de l'administration du gestionnaire")
    public List<Views.OfferView> list(@RequestParam(required = false) OfferStatus status,
                                      @RequestParam(required = false) String region,
                                      @RequestParam(required = false) String topic,
                                      @RequestParam(defaultValue = "false") boolean mine,
                                      @Parameter(description = "Taille de la page (500 au plus)")
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                      @Parameter(description = "Rang du premier élément")
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        // public: the caller may be anonymous
        DtPrincipal actor = Actors.currentIfAuthenticated().orElse(null);
        if (region != null && !region.matches("^[0-9]{2}$")) {
            throw fr.dataterritoires.platform.errors.InvalidFieldException.parameter("region",
                    "Le paramètre « region » doit être un code INSEE de région à 2 chiffres.", region);
        }
        if (mine && actor == null) {
            throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                    "No authenticated actor");
        }
        return offers.list(actor, status, region, topic, mine, limit, offset).stream().map(Views.OfferView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une offre (un brouillon n'est visible que de son hôte)")
    public Views.OfferView get(@PathVariable UUID id) {
        return Views.OfferView.of(offers.get(Actors.currentIfAuthenticated().orElse(null), id));
    }

    record ApplyBody(
            @Schema(description = "L'agent : nom, adresse électronique professionnelle, catégorie facultative")
            @NotNull @Valid AgentBody agent,
            @Schema(description = "Versant de l'employeur (État ou territorial)") @NotNull Side employerSide,
            @Schema(description = "Code INSEE de la région de l'employeur")
            @NotNull @Pattern(regexp = "^[0-9]{2}$", message = "code INSEE de région à 2 chiffres attendu") String employerRegionCode,
            @Schema(description = "Ministère de l'employeur (côté État)")
            @Pattern(regexp = "^[A-Z][A-Z0-9_-]{1,29}$", message = "code de ministère en majuscules attendu") String employerMinistry,
            @Schema(description = "Premier jour de l'échange") @NotNull @PlausibleDate LocalDate startDate,
            @Schema(description = "Dernier jour de l'échange") @NotNull @PlausibleDate LocalDate endDate,
            @Schema(description = "Motivation de l'agent") @NotBlank @Size(max = 4000) String motivation) {
    }

    record AgentBody(@NotBlank @Size(max = 200) String name,
                     @NotBlank @Size(max = 320) @jakarta.validation.constraints.Email(message = "adresse électronique invalide") String email,
                     @Size(max = 60) String category) {
    }

    @PostMapping("/{id}/applications")
    @Operation(summary = "Candidater à une offre (agent ; le SIREN de l'employeur vient du jeton)")
    public ResponseEntity<Views.ApplicationView> apply(@PathVariable UUID id, @Valid @RequestBody ApplyBody b,
                                                       DtPrincipal actor) {
        var view = applications.apply(actor, id, new ApplicationService.Apply(b.agent().name(), b.agent().email(),
                b.agent().category(), b.employerSide(), b.employerRegionCode(), b.employerMinistry(),
                DateRange.of(b.startDate(), b.endDate(), "endDate"), b.motivation()));
        return ResponseEntity.created(URI.create("/api/applications/" + view.application().id()))
                .body(Views.ApplicationView.of(view));
    }

    @GetMapping("/{id}/applications")
    @Operation(summary = "Candidatures reçues par l'offre (hôte) ; waiting=true : la liste d'attente, dans l'ordre")
    public List<Views.ApplicationView> applications(@PathVariable UUID id,
                                                    @RequestParam(defaultValue = "false") boolean waiting,
                                                    DtPrincipal actor) {
        return applications.ofOffer(actor, id, waiting).stream().map(Views.ApplicationView::of).toList();
    }
}
