package org.mandate.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;

/**
 * An indicator's formula over other indicators, e.g. {@code (R70_INSTALLED_CAPACITY - R70_PEAK_LOAD) /
 * R70_PEAK_LOAD * 100}. Parsed and evaluated by exp4j; the variables are indicator codes.
 */
final class Formula {

    /** A name not followed by "(" (that would be a function such as abs or sqrt). */
    private static final Pattern NAME = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");

    private Formula() {}

    /** The indicator codes the formula reads. */
    static Set<String> variables(String formula) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(formula);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** True when the formula parses. */
    static boolean isValid(String formula) {
        try {
            return build(formula).validate(false).isValid();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The value, or null when an operand is missing or the result is not a finite number. */
    static BigDecimal evaluate(String formula, Map<String, BigDecimal> values) {
        Expression e = build(formula);
        for (String name : variables(formula)) {
            BigDecimal v = values.get(name);
            if (v == null) {
                return null;
            }
            e.setVariable(name, v.doubleValue());
        }
        try {
            double result = e.evaluate();
            if (Double.isNaN(result) || Double.isInfinite(result)) {
                return null;
            }
            return new BigDecimal(result, MathContext.DECIMAL64).setScale(4, java.math.RoundingMode.HALF_UP);
        } catch (ArithmeticException ex) {
            return null;
        }
    }

    private static Expression build(String formula) {
        return new ExpressionBuilder(formula).variables(variables(formula)).build();
    }
}
