package org.mandate.reporting;

import java.util.Optional;
import org.mandate.discussion.DiscussionTarget;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.springframework.stereotype.Component;

/** Reports as evidence targets: seen by whoever may read the report, written by the unit's own subtree. */
@Component
class ReportDiscussionTarget implements DiscussionTarget {

    private final ReportManagement reports;
    private final OrgUnitManagement orgUnits;

    ReportDiscussionTarget(ReportManagement reports, OrgUnitManagement orgUnits) {
        this.reports = reports;
        this.orgUnits = orgUnits;
    }

    @Override
    public String type() {
        return "report";
    }

    @Override
    public boolean isPublic(long id) {
        return reports.findById(id)
                .filter(r -> r.state() == Report.State.APPROVED)
                .isPresent();
    }

    @Override
    public Optional<Subject> find(Actor reader, long id) {
        return reports.findById(id)
                .filter(r -> reports.mayRead(reader, r))
                .map(r -> new Subject(r.orgUnit(), "/reports/" + id, orgUnits.covers(reader, r.orgUnit())));
    }
}
