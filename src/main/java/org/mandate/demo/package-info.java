/**
 * The demo data set (profile {@code demo}): the real organisation tree, the five resolutions from the
 * source documents, demo accounts and sample figures, loaded through the modules' own APIs. Labelled as
 * sample data wherever it is shown.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "bottlenecks",
            "feedback",
            "identity",
            "indicators",
            "notifications",
            "orgunits",
            "publication",
            "reporting",
            "resolutions",
            "reviews",
            "shared",
            "tasks"
        })
package org.mandate.demo;
