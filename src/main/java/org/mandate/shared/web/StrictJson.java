package org.mandate.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.mandate.shared.Checks;
import org.mandate.shared.Numbers;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict request bodies: integers refuse fractions ({@code 1.5} is not 1), enums are read by name only
 * ({@code "role": 0} is refused), texts must be JSON strings without NUL, control characters or lone
 * surrogates, decimals are bounded as the database stores them before any arithmetic, and dates lie
 * between 1900 and 2200, integers are JSON numbers (not strings), a field given twice and a field the
 * operation does not know are refused rather than ignored. Each refusal is a 400 naming the field (see {@link ProblemDetailsAdvice}).
 */
@Configuration
class StrictJson {

    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);

    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A field the operation does not take ({"progress": 101} on a task edit) is an error, not ignored.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // {"title":"a","title":"b"} is refused, not read as its last value.
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // An integer field takes a JSON number: "100" in a budget is refused, not converted.
                .withCoercionConfig(
                        tools.jackson.databind.type.LogicalType.Integer,
                        c -> c.setCoercion(
                                tools.jackson.databind.cfg.CoercionInputShape.String,
                                tools.jackson.databind.cfg.CoercionAction.Fail))
                .addModule(new SimpleModule("mandate-strict-input")
                        .addDeserializer(String.class, new Texts())
                        .addDeserializer(BigDecimal.class, new Decimals())
                        .addDeserializer(LocalDate.class, new Dates()));
    }

    /** A refused value: the message key and arguments of the field's problem. */
    static final class BadValue extends MismatchedInputException {

        private final String key;
        private final transient Object[] args;

        BadValue(JsonParser p, String key, Object... args) {
            super(p, key);
            this.key = key;
            this.args = args;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args;
        }
    }

    static final class Texts extends StdScalarDeserializer<String> {

        Texts() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String s = p.getString();
                if (!Checks.isPlainText(s)) {
                    throw new BadValue(p, "error.badText");
                }
                return s;
            }
            throw new BadValue(p, "error.notText");
        }
    }

    static final class Decimals extends StdScalarDeserializer<BigDecimal> {

        Decimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal v;
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                // The parser's decimal of "1e10000000" is digits and an exponent: no arithmetic yet.
                v = Numbers.bounded(p.getDecimalValue());
            } else if (p.hasToken(JsonToken.VALUE_STRING)) {
                v = Numbers.parseDecimal(p.getString());
            } else {
                v = null;
            }
            if (v == null) {
                throw new BadValue(p, "error.number", Numbers.MAX_INTEGER_DIGITS);
            }
            return v;
        }
    }

    static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String s = p.getString().strip();
                if (s.length() == 10) {
                    try {
                        LocalDate d = LocalDate.parse(s);
                        if (!d.isBefore(FIRST_DATE) && !d.isAfter(LAST_DATE)) {
                            return d;
                        }
                    } catch (DateTimeParseException e) {
                        // refused below
                    }
                }
            }
            throw new BadValue(p, "error.dateRange", FIRST_DATE, LAST_DATE);
        }
    }
}
