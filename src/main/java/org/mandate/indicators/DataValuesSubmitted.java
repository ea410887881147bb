package org.mandate.indicators;

import java.time.Instant;
import java.util.List;

/** Values were entered or changed (by the grid, the API or an import): a public record of the batch. */
public record DataValuesSubmitted(
        List<String> orgUnits, List<String> indicators, List<String> periods, int changed, String by, Instant at) {}
