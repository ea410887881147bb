package org.mandate.resolutions;

import java.util.Locale;
import java.util.Map;

/**
 * What the latest publication says about each resolution, for the pages of the resolution texts to show
 * beside them. The public sees only published figures, so the publication module answers this; before the
 * first publication there is nothing to show.
 */
public interface PublishedFigures {

    /** The published figures of each resolution by slug, written for the reader's language. */
    Map<String, Figures> latest(Locale locale);

    /**
     * A resolution's headline figures in one publication: tasks, how many done (and the share), overdue, open
     * bottlenecks, and the headline in words ({@code headline}, may be empty).
     */
    record Figures(
            long publication,
            java.time.Instant publishedAt,
            long tasks,
            long done,
            double percentDone,
            long overdue,
            long openBottlenecks,
            String headline) {}
}
