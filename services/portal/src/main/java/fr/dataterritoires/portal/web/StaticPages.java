package fr.dataterritoires.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages without data: the accessibility statement (RGAA requires one on every public site). */
@Controller
public class StaticPages {

    @GetMapping("/accessibilite")
    public String accessibility() {
        return "accessibility";
    }
}
