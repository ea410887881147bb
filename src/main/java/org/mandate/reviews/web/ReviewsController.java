package org.mandate.reviews.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mandate.reviews.Appraisal;
import org.mandate.reviews.AppraisalManagement;
import org.mandate.reviews.AppraisalManagement.AppraisalFilter;
import org.mandate.reviews.AppraisalManagement.AppraisalReport;
import org.mandate.reviews.AppraisalManagement.NewInvitation;
import org.mandate.reviews.Supervision;
import org.mandate.reviews.SupervisionManagement;
import org.mandate.reviews.SupervisionManagement.Conclusion;
import org.mandate.reviews.SupervisionManagement.NewProgramme;
import org.mandate.shared.Actor;
import org.mandate.shared.Paging;
import org.mandate.shared.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of independent review: appraisals (staff list, invitation form, the expert's form, the unit's
 * response) and social supervision programmes; published ones also under {@code /public/}.
 */
@Controller
class ReviewsController {

    static final String APPRAISALS_VIEW = "reviews/appraisals";
    static final String APPRAISAL_VIEW = "reviews/appraisal";
    static final String SUPERVISIONS_VIEW = "reviews/supervisions";
    static final String SUPERVISION_VIEW = "reviews/supervision";

    private final AppraisalManagement appraisals;
    private final SupervisionManagement supervisions;

    ReviewsController(AppraisalManagement appraisals, SupervisionManagement supervisions) {
        this.appraisals = appraisals;
        this.supervisions = supervisions;
    }

    @GetMapping("/reviews/appraisals")
    String appraisals(@RequestParam(required = false) Integer page, Model model) {
        Actor actor = Actor.require();
        model.addAttribute("staff", true);
        model.addAttribute("mayInvite", actor.is(Role.ADMIN, Role.STEERING));
        model.addAttribute(
                "appraisals", appraisals.list(actor, new AppraisalFilter(null, null, null, null), Paging.of(page, 50)));
        return APPRAISALS_VIEW;
    }

    @GetMapping("/public/appraisals")
    String publishedAppraisals(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("staff", false);
        model.addAttribute("mayInvite", false);
        model.addAttribute("appraisals", appraisals.published(null, Paging.of(page, 50)));
        return APPRAISALS_VIEW;
    }

    @PostMapping("/reviews/appraisals")
    String invite(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String expert,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) String brief) {
        Appraisal created =
                appraisals.invite(Actor.require(), new NewInvitation(target, expert, blank(unit), dueOn, blank(brief)));
        return "redirect:/reviews/appraisals/" + created.id();
    }

    @GetMapping("/reviews/appraisals/{id}")
    String appraisal(@PathVariable long id, Model model) {
        Actor actor = Actor.require();
        Appraisal a = appraisals.get(actor, id);
        model.addAttribute("appraisal", a);
        model.addAttribute("mayWrite", appraisals.mayWrite(actor, a));
        model.addAttribute("mayRespond", appraisals.mayRespond(actor, a));
        model.addAttribute("criteria", List.of("relevance", "feasibility", "costEffectiveness", "progressCredibility"));
        return APPRAISAL_VIEW;
    }

    @GetMapping("/public/appraisals/{id}")
    String publishedAppraisal(@PathVariable long id, Model model) {
        Appraisal a = appraisals.get(null, id);
        model.addAttribute("appraisal", a);
        model.addAttribute("mayWrite", false);
        model.addAttribute("mayRespond", false);
        model.addAttribute("criteria", List.of("relevance", "feasibility", "costEffectiveness", "progressCredibility"));
        return APPRAISAL_VIEW;
    }

    @PostMapping("/reviews/appraisals/{id}/submit")
    String submit(
            @PathVariable long id,
            @RequestParam(required = false) Integer relevance,
            @RequestParam(required = false) Integer feasibility,
            @RequestParam(required = false) Integer costEffectiveness,
            @RequestParam(required = false) Integer progressCredibility,
            @RequestParam(required = false) String findings,
            @RequestParam(required = false) String recommendations,
            @RequestParam(required = false) Long version) {
        appraisals.submit(
                Actor.require(),
                id,
                new AppraisalReport(
                        relevance,
                        feasibility,
                        costEffectiveness,
                        progressCredibility,
                        findings,
                        recommendations,
                        version));
        return "redirect:/reviews/appraisals/" + id;
    }

    @PostMapping("/reviews/appraisals/{id}/response")
    String respond(
            @PathVariable long id,
            @RequestParam(required = false) String response,
            @RequestParam(required = false) Long version) {
        appraisals.respond(Actor.require(), id, response, version);
        return "redirect:/reviews/appraisals/" + id;
    }

    @GetMapping("/reviews/supervision")
    String supervisions(@RequestParam(required = false) Integer page, Model model) {
        Actor actor = Actor.require();
        model.addAttribute("staff", true);
        model.addAttribute("mayCreate", actor.is(Role.ADMIN, Role.SUPERVISOR));
        model.addAttribute("programmes", supervisions.list(actor, null, null, Paging.of(page, 50)));
        return SUPERVISIONS_VIEW;
    }

    @GetMapping("/public/supervision")
    String publishedSupervisions(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("staff", false);
        model.addAttribute("mayCreate", false);
        model.addAttribute("programmes", supervisions.list(null, true, null, Paging.of(page, 50)));
        return SUPERVISIONS_VIEW;
    }

    @PostMapping("/reviews/supervision")
    String create(
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String units,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo) {
        List<String> codes = units == null
                ? List.of()
                : Arrays.stream(units.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        Supervision created =
                supervisions.create(Actor.require(), new NewProgramme(subject, codes, periodFrom, periodTo));
        return "redirect:/reviews/supervision/" + created.id();
    }

    @GetMapping("/reviews/supervision/{id}")
    String supervision(@PathVariable long id, Model model) {
        Actor actor = Actor.require();
        Supervision s = supervisions.get(actor, id);
        model.addAttribute("programme", s);
        model.addAttribute("mayConclude", supervisions.mayConclude(actor, s));
        model.addAttribute(
                "answerable",
                s.units().stream()
                        .filter(u -> supervisions.mayAnswer(actor, s, u.unit()))
                        .map(Supervision.UnitAnswer::unit)
                        .toList());
        return SUPERVISION_VIEW;
    }

    @GetMapping("/public/supervision/{id}")
    String publishedSupervision(@PathVariable long id, Model model) {
        model.addAttribute("programme", supervisions.get(null, id));
        model.addAttribute("mayConclude", false);
        model.addAttribute("answerable", List.of());
        return SUPERVISION_VIEW;
    }

    @PostMapping("/reviews/supervision/{id}/conclude")
    String conclude(
            @PathVariable long id,
            @RequestParam(required = false) String findings,
            @RequestParam(required = false) String recommendations,
            @RequestParam(required = false) Long version) {
        supervisions.conclude(Actor.require(), id, new Conclusion(findings, recommendations, version));
        return "redirect:/reviews/supervision/" + id;
    }

    @PostMapping("/reviews/supervision/{id}/answers")
    String answer(
            @PathVariable long id,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String answer) {
        supervisions.answer(Actor.require(), id, unit, answer);
        return "redirect:/reviews/supervision/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
