package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTests {

    @Test
    void hugeExponentsAreRefusedOrRoundedWithoutArithmetic() {
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertThat(Numbers.parseDecimal("1e10000000")).isNull();
            assertThat(Numbers.parseDecimal("-1e400")).isNull();
            assertThat(Numbers.parseDecimal("1e-10000000")).isEqualByComparingTo(BigDecimal.ZERO);
        }
        // A thousand of each in well under 50 ms each: once one cost seconds (setScale of 10^10000000).
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(Numbers.parseDecimal("9223372036854775808")).isNull();
        assertThat(Numbers.parseDecimal("9999999999999999.99994")).isEqualByComparingTo("9999999999999999.9999");
        assertThat(Numbers.parseDecimal("9999999999999999.99995")).isNull();
        assertThat(Numbers.parseDecimal("12.34567")).isEqualByComparingTo("12.3457");
        assertThat(Numbers.parseDecimal("0.00004")).isEqualByComparingTo("0");
        assertThat(Numbers.parseDecimal("abc")).isNull();
        assertThat(Numbers.parseDecimal("1".repeat(100))).isNull();
    }

    @Test
    void plainTextRefusesNulControlsAndLoneSurrogates() {
        assertThat(Checks.isPlainText("Hà Nội\ttab\nline 😀")).isTrue();
        assertThat(Checks.isPlainText("a\u0000b")).isFalse();
        assertThat(Checks.isPlainText("a\u0007b")).isFalse();
        assertThat(Checks.isPlainText("a\ud800")).isFalse();
        assertThat(Checks.isPlainText("\udc00a")).isFalse();
    }

    @Test
    void pagingIsClamped() {
        assertThat(Paging.of(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(new Paging(Paging.MAX_PAGE, 500));
        assertThat(Paging.of(-5, -5)).isEqualTo(new Paging(0, 1));
        assertThat(Paging.of(Integer.MAX_VALUE, 500).offset()).isLessThan(Integer.MAX_VALUE);
    }
}
