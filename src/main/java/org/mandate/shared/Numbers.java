package org.mandate.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimals as the database keeps them ({@code decimal(20, 4)}): at most 16 digits before the point, rounded
 * to 4 after. The checks look at the digits and the exponent only, so that {@code 1e10000000} or
 * {@code 1e-10000000} is refused or rounded without any arithmetic on the huge number.
 */
public final class Numbers {

    /** Digits before the decimal point that a stored decimal may have. */
    public static final int MAX_INTEGER_DIGITS = 16;

    /** Decimal places kept. */
    public static final int SCALE = 4;

    /** Characters of a decimal's text: more is never a meaningful figure. */
    public static final int MAX_TEXT = 64;

    private Numbers() {}

    /** The decimal of a text, or {@code null} when it is not a number or out of the stored range. */
    public static BigDecimal parseDecimal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            return null;
        }
        try {
            return bounded(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The value rounded to {@link #SCALE} places, or {@code null} when it has more than
     * {@link #MAX_INTEGER_DIGITS} digits before the point. Costs nothing for any exponent.
     */
    public static BigDecimal bounded(BigDecimal v) {
        if (v == null) {
            return null;
        }
        if (v.signum() == 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        // Digits before the point: precision - scale (can be hugely positive or negative without arithmetic).
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return null;
        }
        if (integerDigits < -SCALE - 1) {
            // Below half of the last kept place: rounds to zero without scaling a huge exponent.
            return BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal rounded = v.setScale(SCALE, RoundingMode.HALF_UP);
        return (long) rounded.precision() - rounded.scale() > MAX_INTEGER_DIGITS ? null : rounded;
    }
}
