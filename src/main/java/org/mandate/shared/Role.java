package org.mandate.shared;

/** What a user may do; where they may do it is their org-unit scope. */
public enum Role {
    /** Everything, everywhere. */
    ADMIN,
    /** Central steering committee secretariat: defines resolutions, assigns, approves, publishes. */
    STEERING,
    /** Leader of a unit: approves its reports, answers for its results. */
    LEADER,
    /** Reporter of a unit: updates tasks, enters values, raises bottlenecks. */
    REPORTER,
    /** Independent expert or appraisal unit. */
    EXPERT,
    /** Fatherland Front or another social-supervision organisation. */
    SUPERVISOR,
    /** Moderates public comments. */
    MODERATOR
}
