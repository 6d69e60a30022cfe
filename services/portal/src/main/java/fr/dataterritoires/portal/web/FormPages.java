package fr.dataterritoires.portal.web;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.FormValues;

/**
 * Post/redirect/get for the portal's forms, the way {@link AccessRequestPages} does it: a refused form goes back, by
 * a redirect, with what was typed ({@code form}), the service's refusals per field ({@code fieldErrors}), its detail
 * ({@code refusal}) and which form of the page it was ({@code errorTarget}, when a page has several).
 */
final class FormPages {

    private FormPages() {
    }

    static FormValues posted(MultiValueMap<String, String> posted) {
        return FormValues.of(posted);
    }

    /** The model of a page with forms: an empty form and no refusal unless a redirect brought them. */
    static void prepare(Model model, FormValues defaults) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", defaults);
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("errorTarget")) {
            model.addAttribute("errorTarget", "");
        }
    }

    /** Back to {@code path} with the form as typed and the service's refusals. */
    static String refused(RedirectAttributes redirect, FormValues form, ServiceRefusal refused, String target,
                          String path) {
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("fieldErrors", refused.fieldErrors());
        redirect.addFlashAttribute("refusal", refused.detail());
        redirect.addFlashAttribute("errorTarget", target);
        return "redirect:" + path;
    }

    /** On to {@code path} with a success message ({@code done}). */
    static String done(RedirectAttributes redirect, String message, String path) {
        redirect.addFlashAttribute("done", message);
        return "redirect:" + path;
    }
}
