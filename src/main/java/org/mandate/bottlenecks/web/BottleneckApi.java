package org.mandate.bottlenecks.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mandate.bottlenecks.Bottleneck;
import org.mandate.bottlenecks.BottleneckHistory;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.bottlenecks.BottleneckManagement.BottleneckChanges;
import org.mandate.bottlenecks.BottleneckManagement.NewBottleneck;
import org.mandate.bottlenecks.BottleneckManagement.UnitScorecardInputs;
import org.mandate.bottlenecks.BottleneckType;
import org.mandate.bottlenecks.Severity;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bottlenecks over HTTP: {@code /api/v1/bottlenecks}, with {@code /escalate} and {@code /resolve}. */
@RestController
@RequestMapping("/api/v1/bottlenecks")
class BottleneckApi {

    private final BottleneckManagement bottlenecks;

    BottleneckApi(BottleneckManagement bottlenecks) {
        this.bottlenecks = bottlenecks;
    }

    record BottleneckJson(
            long id,
            String title,
            String description,
            BottleneckType type,
            Severity severity,
            String resolution,
            String raisedBy,
            String owner,
            String originalOwner,
            List<Long> blockedTasks,
            String status,
            LocalDate raisedOn,
            LocalDate resolvedOn,
            String resolutionNote,
            int escalationLevel,
            long ageDays,
            long version) {

        static BottleneckJson of(Bottleneck b, LocalDate today) {
            return new BottleneckJson(
                    b.id(),
                    b.title(),
                    b.description(),
                    b.type(),
                    b.severity(),
                    b.resolution(),
                    b.raisedBy(),
                    b.owner(),
                    b.originalOwner(),
                    b.blockedTasks(),
                    b.status(),
                    b.raisedOn(),
                    b.resolvedOn(),
                    b.resolutionNote(),
                    b.escalationLevel(),
                    b.ageDays(today),
                    b.version());
        }
    }

    record BottleneckRequest(
            String title,
            String description,
            BottleneckType type,
            Severity severity,
            String raisedBy,
            String owner,
            String resolution,
            List<Long> blockedTasks,
            String status,
            Long version) {}

    record ActionRequest(String note, Long version) {}

    record BoardJson(BottleneckJson bottleneck, long tasksBlocked, long moneyBlocked) {}

    @GetMapping
    PageResult<BottleneckJson> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) BottleneckType type,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String raisedBy,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor.require();
        if (status != null && !List.of(Bottleneck.OPEN, Bottleneck.RESOLVED).contains(status)) {
            throw new InvalidInputException("status", "error.badValue", status);
        }
        LocalDate today = bottlenecks.today();
        return bottlenecks
                .list(status, type, owner, raisedBy, resolution, Paging.of(page, size))
                .map(b -> BottleneckJson.of(b, today));
    }

    @GetMapping("/board")
    List<BoardJson> board(@RequestParam(required = false) String orgUnit) {
        Actor.require();
        LocalDate today = bottlenecks.today();
        return bottlenecks.board(orgUnit).stream()
                .map(r -> new BoardJson(BottleneckJson.of(r.bottleneck(), today), r.tasksBlocked(), r.moneyBlocked()))
                .toList();
    }

    @GetMapping("/open-by-type")
    Map<BottleneckType, Long> openByType(
            @RequestParam(required = false) String resolution, @RequestParam(required = false) String orgUnit) {
        Actor.require();
        return bottlenecks.openByType(resolution, orgUnit);
    }

    @GetMapping("/scorecard")
    UnitScorecardInputs scorecard(
            @RequestParam String orgUnit,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Actor.require();
        return bottlenecks.scorecardInputs(orgUnit, from, to);
    }

    @PostMapping
    ResponseEntity<BottleneckJson> raise(@RequestBody BottleneckRequest body) {
        if (body.status() != null && !Bottleneck.OPEN.equals(body.status())) {
            throw new InvalidInputException("status", "error.bottlenecks.statusOnRaise");
        }
        Bottleneck b = bottlenecks.raise(
                Actor.require(),
                new NewBottleneck(
                        body.title(),
                        body.description(),
                        body.type(),
                        body.severity(),
                        body.raisedBy(),
                        body.owner(),
                        body.resolution(),
                        body.blockedTasks()));
        return ResponseEntity.created(URI.create("/api/v1/bottlenecks/" + b.id()))
                .body(BottleneckJson.of(b, bottlenecks.today()));
    }

    @GetMapping("/{id}")
    BottleneckJson get(@PathVariable long id) {
        Actor.require();
        return BottleneckJson.of(bottlenecks.get(id), bottlenecks.today());
    }

    @GetMapping("/{id}/history")
    List<BottleneckHistory> history(@PathVariable long id) {
        Actor.require();
        bottlenecks.get(id);
        return bottlenecks.history(id);
    }

    @PatchMapping("/{id}")
    BottleneckJson update(@PathVariable long id, @RequestBody BottleneckRequest body) {
        if (body.status() != null || body.owner() != null || body.raisedBy() != null || body.blockedTasks() != null) {
            String field = body.status() != null
                    ? "status"
                    : body.owner() != null ? "owner" : body.raisedBy() != null ? "raisedBy" : "blockedTasks";
            throw new InvalidInputException(field, "error.bottlenecks.useActions");
        }
        if (body.resolution() != null
                && !body.resolution().equals(bottlenecks.get(id).resolution())) {
            // The resolution is set when the bottleneck is raised; an edit that sends one is refused, not ignored.
            throw new InvalidInputException("resolution", "error.immutable");
        }
        return BottleneckJson.of(
                bottlenecks.update(
                        Actor.require(),
                        id,
                        new BottleneckChanges(
                                body.title(), body.description(), body.type(), body.severity(), body.version())),
                bottlenecks.today());
    }

    @PostMapping("/{id}/escalate")
    BottleneckJson escalate(@PathVariable long id, @RequestBody(required = false) ActionRequest body) {
        ActionRequest b = body == null ? new ActionRequest(null, null) : body;
        return BottleneckJson.of(bottlenecks.escalate(Actor.require(), id, b.note(), b.version()), bottlenecks.today());
    }

    @PostMapping("/{id}/resolve")
    BottleneckJson resolve(@PathVariable long id, @RequestBody(required = false) ActionRequest body) {
        ActionRequest b = body == null ? new ActionRequest(null, null) : body;
        return BottleneckJson.of(bottlenecks.resolve(Actor.require(), id, b.note(), b.version()), bottlenecks.today());
    }
}
