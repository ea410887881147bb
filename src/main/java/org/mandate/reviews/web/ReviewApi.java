package org.mandate.reviews.web;

import java.util.List;
import java.util.Map;
import org.mandate.orgunits.OrgLevel;
import org.mandate.reviews.Assessment;
import org.mandate.reviews.ReviewManagement;
import org.mandate.reviews.ReviewManagement.NewAssessment;
import org.mandate.reviews.ReviewPdf;
import org.mandate.reviews.Scorecard;
import org.mandate.reviews.Scorecards;
import org.mandate.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quarterly and yearly reviews: ranked scorecards, assessments and their printable PDFs. */
@RestController
class ReviewApi {

    private final Scorecards scorecards;
    private final ReviewManagement reviews;
    private final ReviewPdf pdf;
    private final boolean sample;

    ReviewApi(
            Scorecards scorecards,
            ReviewManagement reviews,
            ReviewPdf pdf,
            @Value("${mandate.demo:false}") boolean sample) {
        this.scorecards = scorecards;
        this.reviews = reviews;
        this.pdf = pdf;
        this.sample = sample;
    }

    /** The ranked units first, then those below {@code minCoverage} (rank null, {@code enoughData} false). */
    record Ranking(
            String period,
            OrgLevel level,
            String parent,
            Map<String, Integer> weights,
            double minCoverage,
            List<Scorecard> items) {}

    @GetMapping("/api/v1/reviews")
    Ranking ranking(
            @RequestParam String period, @RequestParam OrgLevel level, @RequestParam(required = false) String parent) {
        return new Ranking(
                period,
                level,
                parent,
                scorecards.weights(),
                scorecards.minCoverage(),
                scorecards.ranking(period, level, parent));
    }

    @GetMapping("/api/v1/reviews/{unit}")
    Scorecard unit(@PathVariable String unit, @RequestParam String period) {
        return scorecards.of(unit, period);
    }

    @PostMapping("/api/v1/reviews")
    ResponseEntity<Assessment> assess(@RequestBody NewAssessment body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reviews.assess(Actor.require(), body));
    }

    @GetMapping("/api/v1/reviews/{unit}/review.pdf")
    ResponseEntity<byte[]> unitPdf(@PathVariable String unit, @RequestParam String period) {
        return pdf(
                pdf.unit(scorecards.of(unit, period), LocaleContextHolder.getLocale(), sample),
                "review-" + unit + "-" + period + ".pdf");
    }

    @GetMapping("/api/v1/reviews/ranking.pdf")
    ResponseEntity<byte[]> rankingPdf(
            @RequestParam String period, @RequestParam OrgLevel level, @RequestParam(required = false) String parent) {
        return pdf(
                pdf.ranking(
                        scorecards.ranking(period, level, parent),
                        period,
                        level.name(),
                        LocaleContextHolder.getLocale(),
                        sample),
                "ranking-" + level + "-" + period + ".pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(bytes);
    }
}
