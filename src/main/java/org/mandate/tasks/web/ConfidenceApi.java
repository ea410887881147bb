package org.mandate.tasks.web;

import java.util.List;
import org.mandate.shared.Actor;
import org.mandate.tasks.Confidence;
import org.mandate.tasks.ConfidenceRating;
import org.mandate.tasks.DeliveryConfidence;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Delivery confidence over HTTP: {@code /api/v1/tasks/{id}/confidence} (GET: the history, POST: a rating). */
@RestController
class ConfidenceApi {

    private final DeliveryConfidence confidence;

    ConfidenceApi(DeliveryConfidence confidence) {
        this.confidence = confidence;
    }

    record ConfidenceRequest(ConfidenceRating rating, String reason) {}

    @GetMapping("/api/v1/tasks/{id}/confidence")
    List<Confidence> history(@PathVariable long id) {
        return confidence.history(Actor.require(), id);
    }

    @PostMapping("/api/v1/tasks/{id}/confidence")
    ResponseEntity<Confidence> rate(@PathVariable long id, @RequestBody ConfidenceRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(confidence.rate(Actor.require(), id, request.rating(), request.reason()));
    }
}
