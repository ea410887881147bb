package org.mandate.resolutions;

import java.time.LocalDate;
import java.util.List;
import org.mandate.shared.LocalizedText;

/**
 * A resolution of the Party or the Government: the programme that tasks, indicators and reports serve.
 * Identified by a URL-safe slug ({@code 70-nq-tw}); its number is the official one ({@code 70-NQ/TW}).
 */
public record Resolution(
        long id,
        String slug,
        String number,
        LocalizedText titles,
        LocalizedText summary,
        LocalDate issuedOn,
        String issuer,
        long version,
        List<Goal> goals,
        List<SolutionGroup> solutionGroups) {

    /** A measurable goal: an indicator and the value it must reach by a target year. */
    public record Goal(
            String code,
            LocalizedText description,
            String indicator,
            java.math.BigDecimal targetValue,
            Integer targetYear,
            int position) {}

    /** An ordered group of solutions; tasks belong to one. */
    public record SolutionGroup(String code, LocalizedText titles, int position) {}
}
