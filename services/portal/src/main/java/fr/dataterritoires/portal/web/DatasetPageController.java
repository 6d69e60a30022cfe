package fr.dataterritoires.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import fr.dataterritoires.portal.application.DatasetCatalogue;

/** A dataset's page: description, producer, licence, access level and procedure, quality criteria, distributions. */
@Controller
public class DatasetPageController {

    private final DatasetCatalogue catalogue;

    public DatasetPageController(DatasetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/jeux-de-donnees/{id}")
    public String dataset(@PathVariable String id, Model model) {
        model.addAttribute("dataset", catalogue.dataset(id));
        return "dataset";
    }
}
