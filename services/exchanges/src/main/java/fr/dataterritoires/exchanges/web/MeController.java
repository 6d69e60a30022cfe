package fr.dataterritoires.exchanges.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.exchanges.application.ApplicationService;
import fr.dataterritoires.exchanges.application.PersonalDataService;
import fr.dataterritoires.exchanges.application.PlacementService;
import fr.dataterritoires.exchanges.application.TrainingService;
import fr.dataterritoires.platform.security.DtPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own applications, exchanges and enrolments, and their rights over their personal data. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Mon espace", description = "Mes candidatures, mes échanges, mes formations, mes données personnelles")
public class MeController {

    private final ApplicationService applications;
    private final PlacementService placements;
    private final TrainingService trainings;
    private final PersonalDataService personalData;

    public MeController(ApplicationService applications, PlacementService placements, TrainingService trainings,
                        PersonalDataService personalData) {
        this.applications = applications;
        this.placements = placements;
        this.trainings = trainings;
        this.personalData = personalData;
    }

    @GetMapping("/applications")
    @Operation(summary = "Mes candidatures (agent)")
    public List<Views.ApplicationView> applications(DtPrincipal actor) {
        return applications.mine(actor).stream().map(Views.ApplicationView::of).toList();
    }

    @GetMapping("/placements")
    @Operation(summary = "Mes échanges")
    public List<Views.PlacementView> placements(DtPrincipal actor) {
        return placements.mine(actor).stream().map(Views.PlacementView::of).toList();
    }

    @GetMapping("/enrolments")
    @Operation(summary = "Mes inscriptions aux formations")
    public List<Views.EnrolmentView> enrolments(DtPrincipal actor) {
        return trainings.mine(actor).stream().map(Views.EnrolmentView::of).toList();
    }

    @GetMapping("/personal-data")
    @Operation(summary = "Export de toutes les données conservées à mon sujet (JSON)")
    public Map<String, Object> export(DtPrincipal actor) {
        return personalData.export(actor);
    }

    @DeleteMapping("/personal-data")
    @Operation(summary = "Effacement de mes données personnelles (refusé pendant un échange convenu ou en cours)")
    public ResponseEntity<Void> erase(DtPrincipal actor) {
        personalData.eraseOnRequest(actor);
        return ResponseEntity.noContent().build();
    }
}
