package org.mandate.orgunits;

import org.mandate.shared.LocalizedText;

/**
 * A unit of government that answers for results: it leads tasks, owes reports, owns bottlenecks and is
 * ranked among its peers. Identified in the API by its code.
 */
public record OrgUnit(
        long id,
        String code,
        LocalizedText names,
        OrgLevel level,
        String parent,
        String leader,
        int depth,
        long version) {}
