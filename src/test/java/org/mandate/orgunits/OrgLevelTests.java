package org.mandate.orgunits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgLevelTests {

    @Test
    void aChildSitsDeeperThanItsParent() {
        assertThat(OrgLevel.CENTRAL.mayContain(OrgLevel.PROVINCE)).isTrue();
        assertThat(OrgLevel.PROVINCE.mayContain(OrgLevel.COMMUNE)).isTrue();
        assertThat(OrgLevel.PROVINCE.mayContain(OrgLevel.MINISTRY)).isFalse();
        assertThat(OrgLevel.COMMUNE.mayContain(OrgLevel.COMMUNE)).isFalse();
    }
}
