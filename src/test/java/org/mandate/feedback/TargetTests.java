package org.mandate.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTests {

    @Test
    void aSolutionGroupTargetNamesItsResolutionOrStaysABareCode() {
        Target named = Target.parse("solution-group:70-nq-tw/G1").orElseThrow();
        assertThat(named.groupResolution()).isEqualTo("70-nq-tw");
        assertThat(named.groupCode()).isEqualTo("G1");
        Target bare = Target.parse("solution-group:70-S03").orElseThrow();
        assertThat(bare.groupResolution()).isNull();
        assertThat(bare.groupCode()).isEqualTo("70-S03");
        // Only groups take a resolution before their code.
        assertThat(Target.parse("unit:TW/CAOBANG")).isEmpty();
        assertThat(Target.parse("solution-group:/G1")).isEmpty();
        assertThat(Target.parse("solution-group:" + "a".repeat(62) + "/G1")).isEmpty();
    }
}
