package org.mandate.reporting;

import java.util.List;
import java.util.Locale;

/**
 * A part of a report's content. The indicator values are built in; the integrator adds the unit's task
 * updates and new bottlenecks as further beans of this type that query those modules' public APIs. Sections
 * are shown in {@link #order()}.
 */
public interface ReportSections {

    /** The section for the report, in the reader's language. */
    Section section(Report report, Locale locale);

    default int order() {
        return 100;
    }

    /** A titled table: one line per item (an indicator, a task, a bottleneck). */
    record Section(String key, String title, List<String> columns, List<List<String>> rows) {}
}
