/**
 * Independent review of implementation. Today: expert appraisals of solution groups and tasks (invited by
 * the steering secretariat, answered by the appraised unit's leader) and social supervision programmes
 * (Fatherland Front); both are published with the next publication. Scorecards rank units per period from
 * the other modules' figures (tasks, bottlenecks, indicators, reports, feedback).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "bottlenecks",
            "feedback",
            "identity",
            "indicators",
            "orgunits",
            "reporting",
            "resolutions",
            "shared",
            "tasks"
        })
package org.mandate.reviews;
