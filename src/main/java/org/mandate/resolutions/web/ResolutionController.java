package org.mandate.resolutions.web;

import org.mandate.resolutions.ResolutionManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The home page (the resolutions) and a page per resolution. */
@Controller
class ResolutionController {

    static final String HOME_VIEW = "resolutions/home";
    static final String RESOLUTION_VIEW = "resolutions/resolution";

    private final ResolutionManagement resolutions;

    ResolutionController(ResolutionManagement resolutions) {
        this.resolutions = resolutions;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("resolutions", resolutions.all());
        return HOME_VIEW;
    }

    @GetMapping("/resolutions/{slug}")
    String resolution(@PathVariable String slug, Model model) {
        model.addAttribute("resolution", resolutions.get(slug));
        return RESOLUTION_VIEW;
    }
}
