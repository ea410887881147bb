package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mandate.shared.Period.Type;

class PeriodTests {

    @Test
    void readsAndWritesIsoAndDhis2Identifiers() {
        assertThat(Period.parse("2025W42").toString()).isEqualTo("2025W42");
        assertThat(Period.parse("2025W42").start()).isEqualTo(LocalDate.of(2025, 10, 13));
        assertThat(Period.parse("2025W42").end()).isEqualTo(LocalDate.of(2025, 10, 19));
        assertThat(Period.parse("2025-10")).isEqualTo(Period.month(2025, 10));
        assertThat(Period.parse("202510")).isEqualTo(Period.month(2025, 10));
        assertThat(Period.month(2025, 10).dhis2()).isEqualTo("202510");
        assertThat(Period.parse("2025Q4").start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(Period.parse("2025Q4").end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse("2025").end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse("2025W01").dhis2()).isEqualTo("2025W1");
        assertThat(Period.parse("2025W1")).isEqualTo(Period.parse("2025W01"));
        assertThat(Period.parse("2025-02").end()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String bad : new String[] {"2025W54", "2025W00", "2025-13", "2025Q5", "25", "abc", "2025-1-1", ""}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Period.parse("2026W53")).isNotNull();
        assertThatThrownBy(() -> Period.parse("2025W53")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("x", "period"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("period"));
    }

    @Test
    void aWeekBelongsToTheMonthQuarterAndYearOfItsThursday() {
        // 2025W01 runs from Monday 30 December 2024; its Thursday is 2 January 2025.
        Period w1 = Period.parse("2025W01");
        assertThat(w1.start()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(w1.within(Type.MONTH)).isEqualTo(Period.month(2025, 1));
        assertThat(w1.within(Type.YEAR)).isEqualTo(Period.year(2025));
        assertThat(Period.year(2025).contains(w1)).isTrue();
        assertThat(Period.year(2024).contains(w1)).isFalse();
        // 2020W53 runs 28 Dec 2020 - 3 Jan 2021, Thursday 31 December 2020.
        assertThat(Period.parse("2020W53").within(Type.QUARTER)).isEqualTo(Period.quarter(2020, 4));
        // 2025W44: 27 Oct - 2 Nov, Thursday 30 October -> October.
        assertThat(Period.parse("2025W44").within(Type.MONTH)).isEqualTo(Period.parse("2025-10"));
        assertThat(Period.parse("2025Q4").contains(Period.parse("2025-11"))).isTrue();
        assertThat(Period.parse("2025-11").contains(Period.parse("2025W44"))).isFalse();
    }

    @Test
    void stepsAndRanges() {
        assertThat(Period.parse("2025W52").next().toString()).isEqualTo("2026W01");
        assertThat(Period.parse("2025-01").previous().toString()).isEqualTo("2024-12");
        assertThat(Period.range(Type.MONTH, Period.parse("2025-11"), Period.parse("2026-02")))
                .extracting(Period::toString)
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
        assertThat(Period.range(Type.QUARTER, Period.year(2025), Period.year(2025)))
                .hasSize(1);
    }
}
