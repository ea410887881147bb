package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The province grid's colours: bands from the data, direction per measure, no data apart. */
class GridBandsTests {

    @Test
    void aFewLowValuesAmongManyAtTheTopGetColoursOfTheirOwn() {
        List<Object> values = new ArrayList<>(List.of(0.0, 1.6));
        for (int i = 0; i < 32; i++) {
            values.add(100.0);
        }
        PublicView.Bands bands = PublicView.Bands.of(values, false);
        assertThat(bands.colour(0.0)).isLessThan(bands.colour(1.6));
        assertThat(bands.colour(1.6)).isLessThan(bands.colour(100.0));
        assertThat(bands.ranges()).hasSize(3);
    }

    @Test
    void fewerOverdueIsBetterAndNoDataIsGrey() {
        List<Object> overdue = List.of(0, 0, 1, 2, 2, 3, 5, 8, 13, 21);
        PublicView.Bands bands = PublicView.Bands.of(overdue, true);
        assertThat(bands.colour(0)).isGreaterThan(bands.colour(2));
        assertThat(bands.colour(2)).isGreaterThan(bands.colour(21));
        assertThat(bands.colour(null)).isEqualTo(-1);
    }

    @Test
    void spreadValuesFillTheFiveColours() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            values.add((double) i * 3);
        }
        PublicView.Bands bands = PublicView.Bands.of(values, false);
        assertThat(bands.ranges()).hasSize(5);
        assertThat(bands.colour(0.0)).isZero();
        assertThat(bands.colour(99.0)).isEqualTo(4);
    }
}
