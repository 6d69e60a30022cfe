package fr.dataterritoires.exchanges.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.exchanges.application.TrainingService;
import fr.dataterritoires.exchanges.domain.LearnerCategory;
import fr.dataterritoires.exchanges.domain.Side;
import fr.dataterritoires.exchanges.domain.TrainingFormat;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The data training catalogue (public), enrolments, employer consent where required, completions. */
@RestController
@RequestMapping("/api/trainings")
@Tag(name = "Formations", description = "Catalogue des formations aux données, inscriptions et validations")
public class TrainingController {

    private final TrainingService trainings;

    public TrainingController(TrainingService trainings) {
        this.trainings = trainings;
    }

    record TrainingBody(@Schema(description = "Organisme de formation") @NotBlank @Size(max = 200) String provider,
                        @Schema(description = "Intitulé") @NotBlank @Size(max = 300) String title,
                        @Schema(description = "Présentation") @Size(max = 4000) String description,
                        @Schema(description = "Format : en ligne, hybride, promotion, apprentissage entre pairs")
                        @NotNull TrainingFormat format,
                        @Schema(description = "Durée en heures") @NotNull @Min(1) @Max(1000) Integer hours,
                        @Schema(description = "Compétences du référentiel Pix+ Données publiques")
                        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 100) String> competences,
                        @Schema(description = "Publics visés") @NotEmpty Set<@NotNull LearnerCategory> audiences,
                        @Schema(description = "L'inscription d'un agent requiert-elle l'accord de son employeur ?")
                        @NotNull Boolean employerConsentRequired) {
    }

    record EnrolBody(@Schema(description = "Nom de l'apprenant") @NotBlank @Size(max = 200) String name,
                     @Schema(description = "Adresse électronique professionnelle") @NotBlank @Size(max = 320)
                     @jakarta.validation.constraints.Email(message = "adresse électronique invalide") String email,
                     @Schema(description = "Catégorie d'apprenant") @NotNull LearnerCategory learnerCategory,
                     @Schema(description = "Versant de l'employeur (agents)") Side employerSide,
                     @Schema(description = "Code INSEE de la région")
                     @Pattern(regexp = "^[0-9]{2}$", message = "code INSEE de région à 2 chiffres attendu") String regionCode) {
    }

    record ConsentBody(@Schema(description = "true pour accorder, false pour refuser") @NotNull Boolean granted) {
    }

    @PostMapping
    @Operation(summary = "Ajouter une formation au catalogue (coordination nationale)")
    public ResponseEntity<Views.TrainingView> add(@Valid @RequestBody TrainingBody b, DtPrincipal actor) {
        var t = trainings.add(actor, new TrainingService.AddTraining(b.provider(), b.title(), b.description(),
                b.format(), b.hours(), b.competences(), b.audiences(), b.employerConsentRequired()));
        return ResponseEntity.created(URI.create("/api/trainings/" + t.id())).body(Views.TrainingView.of(t));
    }

    @GetMapping
    @Operation(summary = "Catalogue des formations (public)")
    public List<Views.TrainingView> catalogue(
            @Parameter(description = "Taille de la page (500 au plus)") @RequestParam(defaultValue = "100") @Min(1)
            @Max(500) int limit,
            @Parameter(description = "Rang du premier élément") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int offset) {
        return trainings.catalogue(limit, offset).stream().map(Views.TrainingView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une formation (public)")
    public Views.TrainingView get(@PathVariable UUID id) {
        return Views.TrainingView.of(trainings.get(id));
    }

    @PostMapping("/{id}/enrolments")
    @Operation(summary = "S'inscrire (sans accord de l'employeur lorsque le programme le permet)")
    public ResponseEntity<Views.EnrolmentView> enrol(@PathVariable UUID id, @Valid @RequestBody EnrolBody b,
                                                     DtPrincipal actor) {
        var e = trainings.enrol(actor, id, new TrainingService.Enrol(b.name(), b.email(), b.learnerCategory(),
                b.employerSide(), b.regionCode()));
        return ResponseEntity.status(201).body(Views.EnrolmentView.of(e));
    }

    @GetMapping("/enrolments/awaiting-consent")
    @Operation(summary = "Inscriptions des agents de l'employeur en attente de son accord (HOST_MANAGER)")
    public List<Views.EnrolmentView> awaitingConsent(DtPrincipal actor) {
        return trainings.awaitingConsent(actor).stream().map(Views.EnrolmentView::of).toList();
    }

    @PostMapping("/enrolments/{enrolmentId}/consent")
    @Operation(summary = "Accord ou refus de l'employeur, lorsque le programme le requiert")
    public Views.EnrolmentView consent(@PathVariable UUID enrolmentId, @Valid @RequestBody ConsentBody b,
                                       DtPrincipal actor) {
        return Views.EnrolmentView.of(trainings.consent(actor, enrolmentId, b.granted()));
    }

    @PostMapping("/enrolments/{enrolmentId}/completion")
    @Operation(summary = "Valider le suivi de la formation (coordination nationale, pour l'organisme)")
    public Views.EnrolmentView complete(@PathVariable UUID enrolmentId, DtPrincipal actor) {
        return Views.EnrolmentView.of(trainings.complete(actor, enrolmentId));
    }
}
