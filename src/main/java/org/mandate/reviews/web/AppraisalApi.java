package org.mandate.reviews.web;

import java.net.URI;
import org.mandate.reviews.Appraisal;
import org.mandate.reviews.AppraisalManagement;
import org.mandate.reviews.AppraisalManagement.AppraisalFilter;
import org.mandate.reviews.AppraisalManagement.AppraisalReport;
import org.mandate.reviews.AppraisalManagement.NewInvitation;
import org.mandate.reviews.AppraisalState;
import org.mandate.shared.Actor;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expert appraisals over HTTP: {@code /api/v1/appraisals} (invite, list), {@code /{id}/submit} (the invited
 * expert), {@code /{id}/response} (the appraised unit's leader), and {@code /api/v1/public/appraisals}.
 */
@RestController
class AppraisalApi {

    private final AppraisalManagement appraisals;

    AppraisalApi(AppraisalManagement appraisals) {
        this.appraisals = appraisals;
    }

    record Response(String response, Long version) {}

    @GetMapping("/api/v1/appraisals")
    PageResult<Appraisal> list(
            @RequestParam(required = false) AppraisalState state,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) Boolean published,
            @RequestParam(required = false) Boolean ready,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return appraisals.list(
                Actor.require(), new AppraisalFilter(state, target, published, ready), Paging.of(page, size));
    }

    @PostMapping("/api/v1/appraisals")
    ResponseEntity<Appraisal> invite(@RequestBody NewInvitation body) {
        Appraisal created = appraisals.invite(Actor.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/appraisals/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/appraisals/{id}")
    Appraisal get(@PathVariable long id) {
        return appraisals.get(Actor.require(), id);
    }

    @PostMapping("/api/v1/appraisals/{id}/submit")
    Appraisal submit(@PathVariable long id, @RequestBody AppraisalReport body) {
        return appraisals.submit(Actor.require(), id, body);
    }

    @PostMapping("/api/v1/appraisals/{id}/response")
    Appraisal respond(@PathVariable long id, @RequestBody Response body) {
        return appraisals.respond(Actor.require(), id, body.response(), body.version());
    }

    @GetMapping("/api/v1/public/appraisals")
    PageResult<Appraisal> published(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return appraisals.published(target, Paging.of(page, size));
    }
}
