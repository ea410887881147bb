package org.mandate.reviews.web;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.reviews.Assessment;
import org.mandate.reviews.ReviewManagement;
import org.mandate.reviews.ReviewManagement.NewAssessment;
import org.mandate.reviews.ReviewPdf;
import org.mandate.reviews.Scorecards;
import org.mandate.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Review pages: the ranking of a level with drill-down links, and a unit's scorecard with its assessment. */
@Controller
class ReviewController {

    static final String RANKING_VIEW = "reviews/ranking";
    static final String UNIT_VIEW = "reviews/scorecard";

    private final Scorecards scorecards;
    private final ReviewManagement reviews;
    private final OrgUnitManagement orgUnits;
    private final ReviewPdf pdf;
    private final boolean sample;

    ReviewController(
            Scorecards scorecards,
            ReviewManagement reviews,
            OrgUnitManagement orgUnits,
            ReviewPdf pdf,
            @Value("${mandate.demo:false}") boolean sample) {
        this.scorecards = scorecards;
        this.reviews = reviews;
        this.orgUnits = orgUnits;
        this.pdf = pdf;
        this.sample = sample;
    }

    /** The current quarter, the default period of the review pages. */
    static String currentQuarter() {
        LocalDate today = LocalDate.now();
        return today.getYear() + "Q" + today.get(IsoFields.QUARTER_OF_YEAR);
    }

    @GetMapping("/reviews")
    String ranking(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) OrgLevel level,
            @RequestParam(required = false) String parent,
            Model model) {
        String p = period == null || period.isBlank() ? currentQuarter() : period;
        OrgLevel l = level == null ? OrgLevel.PROVINCE : level;
        String parentCode = parent == null || parent.isBlank() ? null : parent;
        if (l == OrgLevel.COMMUNE && parentCode == null) {
            parentCode = "CAOBANG";
        }
        model.addAttribute("period", p);
        model.addAttribute("level", l);
        model.addAttribute("parent", parentCode);
        model.addAttribute("cards", scorecards.ranking(p, l, parentCode));
        model.addAttribute("weights", scorecards.weights());
        model.addAttribute("minCoverage", scorecards.minCoverage());
        return RANKING_VIEW;
    }

    @GetMapping("/reviews/{unit}")
    String unit(@PathVariable String unit, @RequestParam(required = false) String period, Model model) {
        String p = period == null || period.isBlank() ? currentQuarter() : period;
        model.addAttribute("period", p);
        model.addAttribute("card", scorecards.of(unit, p));
        model.addAttribute("unit", orgUnits.get(unit));
        model.addAttribute("history", reviews.history(unit, p));
        model.addAttribute("weights", scorecards.weights());
        model.addAttribute("minCoverage", scorecards.minCoverage());
        model.addAttribute("verdicts", Assessment.Verdict.values());
        model.addAttribute(
                "mayReview",
                Actor.current()
                        .map(a -> reviews.mayReview(a, orgUnits.get(unit)))
                        .orElse(false));
        return UNIT_VIEW;
    }

    @PostMapping("/reviews/{unit}")
    String assess(
            @PathVariable String unit,
            @RequestParam String period,
            @RequestParam(required = false) Assessment.Verdict verdict,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        reviews.assess(Actor.require(), new NewAssessment(unit, period, verdict, reason));
        redirect.addAttribute("period", period);
        return "redirect:/reviews/" + unit;
    }

    @GetMapping("/reviews/{unit}/review.pdf")
    ResponseEntity<byte[]> unitPdf(@PathVariable String unit, @RequestParam String period) {
        return ReviewApi.pdf(
                pdf.unit(scorecards.of(unit, period), LocaleContextHolder.getLocale(), sample),
                "review-" + unit + "-" + period + ".pdf");
    }

    @GetMapping("/reviews/ranking.pdf")
    ResponseEntity<byte[]> rankingPdf(
            @RequestParam String period, @RequestParam OrgLevel level, @RequestParam(required = false) String parent) {
        return ReviewApi.pdf(
                pdf.ranking(
                        scorecards.ranking(period, level, parent),
                        period,
                        level.name(),
                        LocaleContextHolder.getLocale(),
                        sample),
                "ranking-" + level + "-" + period + ".pdf");
    }
}
