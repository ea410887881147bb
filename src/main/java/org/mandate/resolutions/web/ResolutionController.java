package org.mandate.resolutions.web;

import java.util.Map;
import org.mandate.resolutions.PublishedFigures;
import org.mandate.resolutions.ResolutionManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The home page (the resolutions, each with its published headline figures and a link to its page on the
 * public dashboard) and a page per resolution.
 */
@Controller
class ResolutionController {

    static final String HOME_VIEW = "resolutions/home";
    static final String RESOLUTION_VIEW = "resolutions/resolution";

    private final ResolutionManagement resolutions;
    private final ObjectProvider<PublishedFigures> published;

    ResolutionController(ResolutionManagement resolutions, ObjectProvider<PublishedFigures> published) {
        this.resolutions = resolutions;
        this.published = published;
    }

    private Map<String, PublishedFigures.Figures> figures() {
        PublishedFigures source = published.getIfAvailable();
        return source == null ? Map.of() : source.latest(LocaleContextHolder.getLocale());
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("figures", figures());
        return HOME_VIEW;
    }

    @GetMapping("/resolutions/{slug}")
    String resolution(@PathVariable String slug, Model model) {
        model.addAttribute("resolution", resolutions.get(slug));
        model.addAttribute("figures", figures().get(slug));
        return RESOLUTION_VIEW;
    }
}
