package org.mandate.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingPeriodTests {

    @Test
    void periodsUseIsoIdentifiers() {
        LocalDate day = LocalDate.of(2025, 10, 16);
        assertThat(RatingPeriod.MONTH.key(day)).isEqualTo("2025-10");
        assertThat(RatingPeriod.QUARTER.key(day)).isEqualTo("2025Q4");
        assertThat(RatingPeriod.YEAR.key(day)).isEqualTo("2025");
        assertThat(RatingPeriod.WEEK.key(day)).isEqualTo("2025W42");
        assertThat(RatingPeriod.WEEK.key(LocalDate.of(2027, 1, 1))).isEqualTo("2026W53");
    }

    @Test
    void targetsAreTypeColonReference() {
        assertThat(Target.parse("unit:CAOBANG")).contains(new Target(TargetType.UNIT, "CAOBANG"));
        assertThat(Target.parse("solution-group:70-S03")).contains(new Target(TargetType.SOLUTION_GROUP, "70-S03"));
        assertThat(Target.parse("task:123").map(Target::key)).contains("task:123");
        assertThat(Target.parse("planet:MARS")).isEmpty();
        assertThat(Target.parse("unit:")).isEmpty();
        assertThat(Target.parse("unit:<b>")).isEmpty();
        assertThat(Target.parse(null)).isEqualTo(Optional.empty());
    }
}
