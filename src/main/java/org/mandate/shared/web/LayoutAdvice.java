package org.mandate.shared.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the demo banner flag and the current language. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final boolean demo;

    LayoutAdvice(@Value("${mandate.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("lang")
    String lang() {
        Locale locale = LocaleContextHolder.getLocale();
        return WebConfig.LANGUAGES.stream()
                .map(Locale::getLanguage)
                .filter(l -> l.equals(locale.getLanguage()))
                .findFirst()
                .orElse("vi");
    }
}
