/**
 * Publication: weekly and monthly frozen snapshots of everything public, each with a SHA-256 digest
 * chained to the previous one; the public site and open data are rendered from a snapshot, never from
 * live drafts, and can be exported as static files.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "bottlenecks",
            "feedback",
            "indicators",
            "orgunits",
            "reporting",
            "resolutions",
            "reviews",
            "shared",
            "tasks"
        })
package org.mandate.publication;
