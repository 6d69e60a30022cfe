package fr.dataterritoires.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.CallsAndAwards;
import fr.dataterritoires.portal.application.FileImports;
import fr.dataterritoires.portal.application.ImportViews.LineError;
import fr.dataterritoires.portal.application.ImportViews.PreciputImport;
import fr.dataterritoires.portal.application.ImportViews.RoadmapImport;
import fr.dataterritoires.portal.application.Roadmaps;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.SignedInUser;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * File imports (issue 12 §3): the préciput import of a funder's innovation projects (commons-calls; a funder for its
 * own programmes, a national coordinator for any) and the import of a roadmap's items (roadmaps; its issuer or a
 * national coordinator). A plain multipart form, no script; then a result page saying what was applied and every
 * refused line with its number, in the services' French words. Both services import all or nothing.
 */
@Controller
public class ImportPages {

    private final FileImports imports;
    private final CallsAndAwards calls;
    private final Roadmaps roadmaps;
    private final CurrentUser currentUser;

    private final String tooLargeRefusal;

    public ImportPages(FileImports imports, CallsAndAwards calls, Roadmaps roadmaps, CurrentUser currentUser,
                       @Value("${spring.servlet.multipart.max-request-size}") DataSize uploadLimit) {
        this.tooLargeRefusal = UploadSizeLimit.refusal(uploadLimit);
        this.imports = imports;
        this.calls = calls;
        this.roadmaps = roadmaps;
        this.currentUser = currentUser;
    }

    /** Both forms' pages say why a file over the size limit came back ({@link UploadSizeLimit}). */
    @ModelAttribute("refusal")
    public String tooLarge(@RequestParam(name = UploadSizeLimit.PARAMETER, required = false) String refusal) {
        return UploadSizeLimit.TOO_LARGE.equals(refusal) ? tooLargeRefusal : null;
    }

    // ---- préciput -------------------------------------------------------------------------------------------------

    @GetMapping("/preciput/imports")
    public String preciputForm(Model model) {
        SignedInUser user = currentUser.user().orElseThrow();
        boolean coordinator = user.hasRole("NATIONAL_COORDINATOR");
        model.addAttribute("coordinator", coordinator);
        // commons-calls lists the imports to national coordinators only
        model.addAttribute("latest", coordinator ? imports.preciputImports() : List.of());
        // a funder writes its programmes' identifiers in the file: the page gives them
        model.addAttribute("programmes", user.hasRole("FUNDER")
                ? calls.funderOf(user.siren()).map(f -> calls.programmes(f.id())).orElse(List.of()) : List.of());
        return "preciput-imports";
    }

    @PostMapping("/preciput/imports")
    public String importPreciput(@RequestParam(name = "fichier", required = false) MultipartFile file,
                                 RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusal", "Choisissez un fichier CSV ou JSON non vide.");
            return "redirect:/preciput/imports";
        }
        PreciputImport result;
        try {
            result = imports.importPreciput(fileName(file), bytes(file));
        } catch (ServiceRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.detail());
            return "redirect:/preciput/imports";
        }
        if (result.alreadyImported()) {
            redirect.addFlashAttribute("done", "Ce fichier avait déjà été importé : rien de plus n'a été prélevé.");
        } else if (result.totalLevied() != null) {
            // only the import's own answer says how much it levied
            redirect.addFlashAttribute("totalLevied", result.totalLevied());
        }
        return "redirect:/preciput/imports/" + result.id();
    }

    @GetMapping("/preciput/imports/{id}")
    public String preciputResult(@PathVariable UUID id, Model model) {
        model.addAttribute("result", imports.preciputImport(id.toString()));
        return "preciput-import";
    }

    // ---- roadmap items --------------------------------------------------------------------------------------------

    @GetMapping("/feuilles-de-route/{id}/import")
    public String roadmapForm(@PathVariable UUID id, Model model) {
        model.addAttribute("roadmap", roadmaps.roadmap(id));
        return "roadmap-import";
    }

    /** {@code action}: {@code verifier} checks every line and imports nothing, {@code importer} imports. */
    @PostMapping("/feuilles-de-route/{id}/import")
    public String importRoadmapItems(@PathVariable UUID id, @RequestParam long version,
                                     @RequestParam(defaultValue = "importer") String action,
                                     @RequestParam(name = "fichier", required = false) MultipartFile file,
                                     RedirectAttributes redirect) {
        String back = "redirect:/feuilles-de-route/" + id + "/import";
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusal", "Choisissez un fichier CSV ou JSON non vide.");
            return back;
        }
        boolean dryRun = "verifier".equals(action);
        String name = fileName(file);
        RoadmapImport result;
        try {
            result = imports.importRoadmapItems(id, version, dryRun, name, bytes(file));
        } catch (ServiceRefusal refused) {
            // refused as a whole (stale version, not in draft, unreadable header…): said as the file's error
            result = new RoadmapImport(id.toString(), name, dryRun, false, 0, List.of(),
                    List.of(new LineError(0, null, refused.detail())), null, null, refused.detail());
        }
        redirect.addFlashAttribute("result", result);
        return back;
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "import";
        }
        // some browsers send the whole path
        String base = name.replace('\\', '/');
        return base.substring(base.lastIndexOf('/') + 1);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
