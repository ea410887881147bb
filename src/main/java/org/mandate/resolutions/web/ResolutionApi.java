package org.mandate.resolutions.web;

import java.net.URI;
import java.util.List;
import org.mandate.resolutions.Resolution;
import org.mandate.resolutions.Resolution.Goal;
import org.mandate.resolutions.Resolution.SolutionGroup;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.resolutions.ResolutionManagement.NewGoal;
import org.mandate.resolutions.ResolutionManagement.NewResolution;
import org.mandate.resolutions.ResolutionManagement.NewSolutionGroup;
import org.mandate.resolutions.ResolutionManagement.ResolutionChanges;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resolution catalogue over HTTP: {@code /api/v1/resolutions}. */
@RestController
@RequestMapping("/api/v1/resolutions")
class ResolutionApi {

    private final ResolutionManagement resolutions;

    ResolutionApi(ResolutionManagement resolutions) {
        this.resolutions = resolutions;
    }

    record ResolutionJson(
            String slug,
            String number,
            LocalizedText titles,
            LocalizedText summary,
            java.time.LocalDate issuedOn,
            String issuer,
            long version,
            List<Goal> goals,
            List<SolutionGroup> solutionGroups) {

        static ResolutionJson of(Resolution r) {
            return new ResolutionJson(
                    r.slug(),
                    r.number(),
                    r.titles(),
                    r.summary(),
                    r.issuedOn(),
                    r.issuer(),
                    r.version(),
                    r.goals(),
                    r.solutionGroups());
        }
    }

    record ResolutionRequest(
            String slug,
            String number,
            LocalizedText titles,
            LocalizedText summary,
            java.time.LocalDate issuedOn,
            String issuer,
            Long version) {}

    @GetMapping
    PageResult<ResolutionJson> list() {
        List<ResolutionJson> all =
                resolutions.all().stream().map(ResolutionJson::of).toList();
        return new PageResult<>(all, 0, all.size(), all.size());
    }

    @GetMapping("/{slug}")
    ResolutionJson get(@PathVariable String slug) {
        return ResolutionJson.of(resolutions.get(slug));
    }

    @PostMapping
    ResponseEntity<ResolutionJson> create(@RequestBody ResolutionRequest body) {
        Resolution created = resolutions.create(
                Actor.require(),
                new NewResolution(
                        body.slug(), body.number(), body.titles(), body.summary(), body.issuedOn(), body.issuer()));
        return ResponseEntity.created(URI.create("/api/v1/resolutions/" + created.slug()))
                .body(ResolutionJson.of(created));
    }

    @PatchMapping("/{slug}")
    ResolutionJson update(@PathVariable String slug, @RequestBody ResolutionRequest body) {
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw new InvalidInputException("slug", "error.immutable");
        }
        return ResolutionJson.of(resolutions.update(
                Actor.require(),
                slug,
                new ResolutionChanges(
                        body.number(), body.titles(), body.summary(), body.issuedOn(), body.issuer(), body.version())));
    }

    @PostMapping("/{slug}/goals")
    ResponseEntity<Goal> addGoal(@PathVariable String slug, @RequestBody NewGoal body) {
        Goal goal = resolutions.addGoal(Actor.require(), slug, body);
        return ResponseEntity.created(URI.create("/api/v1/resolutions/" + slug)).body(goal);
    }

    @PostMapping("/{slug}/solution-groups")
    ResponseEntity<SolutionGroup> addSolutionGroup(@PathVariable String slug, @RequestBody NewSolutionGroup body) {
        SolutionGroup group = resolutions.addSolutionGroup(Actor.require(), slug, body);
        return ResponseEntity.created(URI.create("/api/v1/resolutions/" + slug)).body(group);
    }
}
