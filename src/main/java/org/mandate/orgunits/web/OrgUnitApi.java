package org.mandate.orgunits.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.orgunits.OrgUnitManagement.NewOrgUnit;
import org.mandate.orgunits.OrgUnitManagement.OrgUnitChanges;
import org.mandate.shared.Actor;
import org.mandate.shared.Checks;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation tree over HTTP: {@code /api/v1/org-units}. */
@RestController
@RequestMapping("/api/v1/org-units")
class OrgUnitApi {

    private final OrgUnitManagement orgUnits;

    OrgUnitApi(OrgUnitManagement orgUnits) {
        this.orgUnits = orgUnits;
    }

    record OrgUnitJson(
            String code, LocalizedText names, OrgLevel level, String parent, String leader, int depth, long version) {

        static OrgUnitJson of(OrgUnit u) {
            return new OrgUnitJson(u.code(), u.names(), u.level(), u.parent(), u.leader(), u.depth(), u.version());
        }
    }

    record OrgUnitRequest(
            String code, LocalizedText names, OrgLevel level, String parent, String leader, Long version) {

        void checkLengths() {
            List<FieldProblem> problems = new ArrayList<>();
            Checks.maxLength(problems, "code", code, 64);
            Checks.maxLength(problems, "names", names, 300);
            Checks.maxLength(problems, "leader", leader, 300);
            Checks.throwIfAny(problems);
        }
    }

    @GetMapping
    PageResult<OrgUnitJson> list(
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) OrgLevel level,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return orgUnits.list(parent, level, orgUnit, Paging.of(page, size)).map(OrgUnitJson::of);
    }

    @GetMapping("/{code}")
    OrgUnitJson get(@PathVariable String code) {
        return OrgUnitJson.of(orgUnits.get(code));
    }

    @PostMapping
    ResponseEntity<OrgUnitJson> create(@RequestBody OrgUnitRequest body) {
        body.checkLengths();
        OrgUnit created = orgUnits.create(
                Actor.require(), new NewOrgUnit(body.code(), body.names(), body.level(), body.parent(), body.leader()));
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + created.code()))
                .body(OrgUnitJson.of(created));
    }

    @PatchMapping("/{code}")
    OrgUnitJson update(@PathVariable String code, @RequestBody OrgUnitRequest body) {
        body.checkLengths();
        if (body.code() != null && !body.code().equals(code)) {
            throw new org.mandate.shared.InvalidInputException("code", "error.immutable");
        }
        return OrgUnitJson.of(orgUnits.update(
                Actor.require(),
                code,
                new OrgUnitChanges(body.names(), body.level(), body.parent(), body.leader(), body.version())));
    }
}
