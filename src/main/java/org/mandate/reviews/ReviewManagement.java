package org.mandate.reviews;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.Checks;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly and yearly reviews: the steering secretariat assesses ministries and provinces, a province's
 * leader assesses its communes; the assessment is published with the scorecard.
 */
@Service
public class ReviewManagement {

    private final Assessments assessments;
    private final OrgUnitManagement orgUnits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewManagement(
            Assessments assessments, OrgUnitManagement orgUnits, ApplicationEventPublisher events, Clock clock) {
        this.assessments = assessments;
        this.orgUnits = orgUnits;
        this.events = events;
        this.clock = clock;
    }

    public record NewAssessment(String unit, String period, Assessment.Verdict verdict, String reason) {}

    @Transactional
    public Assessment assess(Actor actor, NewAssessment command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.unit() == null || command.unit().isBlank()) {
            problems.add(new FieldProblem("unit", "error.required"));
        }
        if (command.verdict() == null) {
            problems.add(new FieldProblem("verdict", "error.required"));
        }
        if (command.reason() == null || command.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "error.required"));
        }
        if (command.period() == null) {
            problems.add(new FieldProblem("period", "error.required"));
        }
        Checks.maxLength(problems, "reason", command.reason(), 4000);
        Checks.throwIfAny(problems);
        String period = Scorecards.reviewPeriod(command.period()).toString();
        OrgUnit unit = orgUnits.find(command.unit())
                .orElseThrow(() -> new InvalidInputException("unit", "error.unknown", command.unit()));
        requireReviewer(actor, unit);
        Assessment a = new Assessment(
                unit.code(), period, command.verdict(), command.reason(), actor.username(), clock.instant());
        assessments.insert(a);
        events.publishEvent(new AuditedChange("review", unit.code() + "/" + period, "assessed", null, a));
        return a;
    }

    public List<Assessment> history(String unit, String period) {
        return assessments.list(Scorecards.reviewPeriod(period).toString(), unit);
    }

    /** Who may review a unit: steering for ministries and provinces, the province's leader for its communes. */
    public boolean mayReview(Actor actor, OrgUnit unit) {
        try {
            requireReviewer(actor, unit);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    private void requireReviewer(Actor actor, OrgUnit unit) {
        if (unit.level() == OrgLevel.COMMUNE || unit.level() == OrgLevel.DEPARTMENT) {
            orgUnits.requireWrite(actor, unit.parent(), Role.STEERING, Role.LEADER);
        } else if (unit.level() == OrgLevel.CENTRAL) {
            throw new ForbiddenException("error.reviews.central");
        } else {
            orgUnits.requireWrite(actor, unit.code(), Role.STEERING);
        }
    }
}
