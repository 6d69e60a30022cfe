package fr.dataterritoires.portal.web;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.ServiceRefusal;

/**
 * The post/redirect/get of the roadmap forms: a refusal goes back to the form with the service's words, per field
 * ({@code fieldErrors}) and as a whole ({@code refusal}); a success shows {@code done}.
 */
final class Forms {

    private Forms() {
    }

    static String refused(RedirectAttributes redirect, ServiceRefusal refused, String back) {
        redirect.addFlashAttribute("fieldErrors", refused.fieldErrors());
        redirect.addFlashAttribute("refusal", refused.detail());
        return "redirect:" + back;
    }

    /**
     * A change with nothing typed but the version: done, back to {@code back} with {@code done}; refused, back to
     * {@code back} with the refusal.
     */
    static String step(RedirectAttributes redirect, String done, String back, Runnable change) {
        try {
            change.run();
        } catch (ServiceRefusal refused) {
            return refused(redirect, refused, back);
        }
        redirect.getFlashAttributes().remove("draft");
        redirect.addFlashAttribute("done", done);
        return "redirect:" + back;
    }

    /** What was typed in a form, by field name ({@code name, value, name, value…}); fields left empty are absent. */
    static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                typed.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return typed;
    }

    /** No refusal, no success message: what a form shows when first opened. */
    static void defaults(Model model) {
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", Map.of());
        }
    }
}
