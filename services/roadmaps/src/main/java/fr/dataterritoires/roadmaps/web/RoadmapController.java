package fr.dataterritoires.roadmaps.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapService;
import fr.dataterritoires.roadmaps.application.roadmap.RoadmapStore;
import fr.dataterritoires.roadmaps.domain.roadmap.Grant;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemComment;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapDiff;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/**
 * Committee roadmaps and ministerial territorial sections: creation, items, execution tracking, comments, the
 * review workflow (submission, review, change request, reopening, arbitration, publication), versions and diffs.
 * Every change carries the {@code version} the caller read: a stale one is a 409.
 */
@RestController
@RequestMapping("/api/roadmaps")
public class RoadmapController {

    private final RoadmapService service;

    public RoadmapController(RoadmapService service) {
        this.service = service;
    }

    @PostMapping("/committee")
    public ResponseEntity<RoadmapResponse> createCommittee(@Valid @RequestBody WorkflowBodies.CommitteeRoadmapBody body,
                                                           DtPrincipal actor) {
        Roadmap created = service.createCommitteeRoadmap(actor, Inputs.region(body.regionCode(), "regionCode"),
                new Period(body.startYear(), body.endYear()), body.title());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + created.id())).body(RoadmapResponse.of(created));
    }

    @PostMapping("/ministerial")
    public ResponseEntity<RoadmapResponse> createMinisterial(@Valid @RequestBody WorkflowBodies.MinisterialSectionBody body,
                                                             DtPrincipal actor) {
        Roadmap created = service.createMinisterialSection(actor, body.ministry(), body.year(), body.title());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + created.id())).body(RoadmapResponse.of(created));
    }

    /** Anonymous callers see published roadmaps only; issuers also their drafts; coordinators everything. */
    @GetMapping
    public List<RoadmapResponse> list(@RequestParam(required = false) RoadmapKind kind,
                                      @RequestParam(required = false) String region,
                                      @RequestParam(required = false) String ministry,
                                      @RequestParam(required = false) List<RoadmapStatus> status,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        RoadmapStore.Filter filter = new RoadmapStore.Filter(kind, region == null ? null : Inputs.region(region, "region"),
                ministry == null ? null : ministry.strip().toUpperCase(java.util.Locale.ROOT), status);
        return service.list(caller(), filter, limit, offset).stream().map(RoadmapResponse::summary).toList();
    }

    @GetMapping("/{id}")
    public RoadmapResponse get(@PathVariable UUID id) {
        return RoadmapResponse.of(service.get(caller(), id));
    }

    @PutMapping("/{id}/title")
    public RoadmapResponse retitle(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.TitleBody body,
                                   DtPrincipal actor) {
        return RoadmapResponse.of(service.retitle(actor, id, body.version(), body.title()));
    }

    @PostMapping("/{id}/items")
    public ResponseEntity<RoadmapResponse> addItem(@PathVariable UUID id, @Valid @RequestBody ItemBody body,
                                                   DtPrincipal actor) {
        UUID itemId = UUID.randomUUID();
        Roadmap roadmap = service.addItem(actor, id, body.version(), Items.toDomain(itemId, body));
        return ResponseEntity.created(URI.create("/api/roadmaps/" + id + "/items/" + itemId))
                .body(RoadmapResponse.of(roadmap));
    }

    @PutMapping("/{id}/items/{itemId}")
    public RoadmapResponse replaceItem(@PathVariable UUID id, @PathVariable UUID itemId,
                                       @Valid @RequestBody ItemBody body, DtPrincipal actor) {
        return RoadmapResponse.of(service.replaceItem(actor, id, body.version(), itemId, Items.toDomain(itemId, body)));
    }

    @DeleteMapping("/{id}/items/{itemId}")
    public RoadmapResponse removeItem(@PathVariable UUID id, @PathVariable UUID itemId,
                                      @RequestParam @Min(1) long version, DtPrincipal actor) {
        return RoadmapResponse.of(service.removeItem(actor, id, version, itemId));
    }

    /** Status, progress and milestones: open after publication (execution tracking). */
    @PostMapping("/{id}/items/{itemId}/tracking")
    public RoadmapResponse track(@PathVariable UUID id, @PathVariable UUID itemId,
                                 @Valid @RequestBody WorkflowBodies.TrackingBody body, DtPrincipal actor) {
        return RoadmapResponse.of(service.track(actor, id, body.version(), itemId, body.status(), body.progress(),
                Items.milestones(body.milestones())));
    }

    @PostMapping("/{id}/items/{itemId}/comments")
    public ResponseEntity<ItemComment> comment(@PathVariable UUID id, @PathVariable UUID itemId,
                                               @Valid @RequestBody WorkflowBodies.CommentBody body, DtPrincipal actor) {
        ItemComment comment = service.comment(actor, id, itemId, body.text());
        return ResponseEntity.created(URI.create("/api/roadmaps/" + id + "/items/" + itemId + "/comments"))
                .body(comment);
    }

    @GetMapping("/{id}/items/{itemId}/comments")
    public List<ItemComment> comments(@PathVariable UUID id, @PathVariable UUID itemId) {
        return service.comments(caller(), id, itemId);
    }

    @PostMapping("/{id}/submission")
    public RoadmapResponse submit(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.VersionBody body,
                                  DtPrincipal actor) {
        return RoadmapResponse.of(service.submit(actor, id, body.version()));
    }

    @PostMapping("/{id}/reopening")
    public RoadmapResponse reopen(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.VersionBody body,
                                  DtPrincipal actor) {
        return RoadmapResponse.of(service.reopen(actor, id, body.version()));
    }

    @PostMapping("/{id}/review")
    public RoadmapResponse startReview(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.VersionBody body,
                                       DtPrincipal actor) {
        return RoadmapResponse.of(service.startReview(actor, id, body.version()));
    }

    @PostMapping("/{id}/change-request")
    public RoadmapResponse requestChanges(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.ReasonBody body,
                                          DtPrincipal actor) {
        return RoadmapResponse.of(service.requestChanges(actor, id, body.version(), body.reason()));
    }

    @PostMapping("/{id}/arbitration")
    public RoadmapResponse arbitrate(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.ArbitrationBody body,
                                     DtPrincipal actor) {
        Map<UUID, Grant> decisions = new LinkedHashMap<>();
        for (int i = 0; i < body.decisions().size(); i++) {
            WorkflowBodies.Decision d = body.decisions().get(i);
            if (decisions.put(d.itemId(), new Grant(d.grantedAmount(), d.grantedFte(), d.reason())) != null) {
                throw RuleViolation.invalid("decisions[" + i + "].itemId",
                        "L'élément " + d.itemId() + " est arbitré deux fois.");
            }
        }
        return RoadmapResponse.of(service.arbitrate(actor, id, body.version(), decisions));
    }

    @PostMapping("/{id}/publication")
    public RoadmapResponse publish(@PathVariable UUID id, @Valid @RequestBody WorkflowBodies.VersionBody body,
                                   DtPrincipal actor) {
        return RoadmapResponse.of(service.publish(actor, id, body.version()));
    }

    @GetMapping("/{id}/versions")
    public List<RoadmapStore.VersionEntry> versions(@PathVariable UUID id) {
        return service.versions(caller(), id);
    }

    /** The roadmap as it was at version {@code number}, field by field (what the diff compares). */
    @GetMapping("/{id}/versions/{number}")
    public RoadmapSnapshot version(@PathVariable UUID id, @PathVariable @Min(1) long number) {
        return service.version(caller(), id, number);
    }

    /** What changed from version {@code from} to version {@code to}. */
    @GetMapping("/{id}/diff")
    public RoadmapDiff diff(@PathVariable UUID id, @RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
        return service.diff(caller(), id, from, to);
    }

    private static DtPrincipal caller() {
        return Actors.currentIfAuthenticated().orElse(null);
    }
}
