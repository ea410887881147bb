package org.mandate.reviews.web;

import java.net.URI;
import org.mandate.reviews.Supervision;
import org.mandate.reviews.SupervisionManagement;
import org.mandate.reviews.SupervisionManagement.Conclusion;
import org.mandate.reviews.SupervisionManagement.NewProgramme;
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
 * Social supervision over HTTP: {@code /api/v1/supervisions} (programmes), {@code /{id}/conclude},
 * {@code /{id}/answers} and the published ones at {@code /api/v1/public/supervisions}.
 */
@RestController
class SupervisionApi {

    private final SupervisionManagement supervisions;

    SupervisionApi(SupervisionManagement supervisions) {
        this.supervisions = supervisions;
    }

    record Answer(String unit, String answer) {}

    @GetMapping("/api/v1/supervisions")
    PageResult<Supervision> list(
            @RequestParam(required = false) Boolean published,
            @RequestParam(required = false) Boolean ready,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return supervisions.list(Actor.require(), published, ready, Paging.of(page, size));
    }

    @PostMapping("/api/v1/supervisions")
    ResponseEntity<Supervision> create(@RequestBody NewProgramme body) {
        Supervision created = supervisions.create(Actor.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/supervisions/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/supervisions/{id}")
    Supervision get(@PathVariable long id) {
        return supervisions.get(Actor.require(), id);
    }

    @PostMapping("/api/v1/supervisions/{id}/conclude")
    Supervision conclude(@PathVariable long id, @RequestBody Conclusion body) {
        return supervisions.conclude(Actor.require(), id, body);
    }

    @PostMapping("/api/v1/supervisions/{id}/answers")
    Supervision answer(@PathVariable long id, @RequestBody Answer body) {
        return supervisions.answer(Actor.require(), id, body.unit(), body.answer());
    }

    @GetMapping("/api/v1/public/supervisions")
    PageResult<Supervision> published(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return supervisions.list(null, true, null, Paging.of(page, size));
    }

    @GetMapping("/api/v1/public/supervisions/{id}")
    Supervision publishedOne(@PathVariable long id) {
        return supervisions.get(null, id);
    }
}
