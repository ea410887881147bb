package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers as each language writes them. The expected strings are written out by hand; a non-breaking space
 * is spelled {@code _} in the table so that it can be seen.
 */
class FiguresTests {

    private static String nbsp(String s) {
        return s.replace('_', '\u00a0');
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vi | 64.9191     | 64,92",
                "en | 64.9191     | 64.92",
                "fr | 64.9191     | 64,92",
                "ru | 64.9191     | 64,92",
                "vi | 1234567.5   | 1.234.567,5",
                "en | 1234567.5   | 1,234,567.5",
                "fr | 1234567.5   | 1_234_567,5",
                "ru | 1234567.5   | 1_234_567,5",
                "vi | 0.30000000000000004 | 0,3",
                "en | -12.5       | -12.5",
                "vi | 65.1        | 65,1",
            })
    void numbersUseTheLocaleSeparatorsAndAtMostTwoDecimals(String lang, String value, String shown) {
        assertThat(Figures.of(lang).number(new BigDecimal(value))).isEqualTo(nbsp(shown));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"vi", "en", "fr", "ru"})
    void yearsAreNeverGrouped(String lang) {
        assertThat(Figures.of(lang).year(2030)).isEqualTo("2030");
        assertThat(Figures.of(lang).year(new BigDecimal("2025"))).isEqualTo("2025");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vi | 99.6929 | 99,7%",
                "en | 99.6929 | 99.7%",
                "fr | 99.6929 | 99,7_%",
                "ru | 99.6929 | 99,7_%",
                "en | 100     | 100.0%",
                "vi | 0       | 0,0%",
                "en | 99.97   | 99.9%",
                "vi | 99.95   | 99,9%",
                "en | 100.04  | 100.0%",
            })
    void percentagesHaveOneDecimal(String lang, String value, String shown) {
        assertThat(Figures.of(lang).percent(new BigDecimal(value))).isEqualTo(nbsp(shown));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vi | 376000000000 | 376_tỷ_đồng",
                "en | 376000000000 | VND_376_bn",
                "fr | 376000000000 | 376_Mrd_VND",
                "ru | 376000000000 | 376_млрд_₫",
                "vi | 12500000000  | 12,5_tỷ_đồng",
                "en | 12500000000  | VND_12.5_bn",
                "vi | 4200000      | 4,2_triệu_đồng",
                "en | 4200000      | VND_4.2_m",
                "ru | 4200000      | 4,2_млн_₫",
                "vi | 950000       | 950.000_đồng",
                "en | 950000       | VND_950,000",
            })
    void moneyInTheUnitsPeopleRead(String lang, String value, String shown) {
        assertThat(Figures.of(lang).money(new BigDecimal(value))).isEqualTo(nbsp(shown));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vi | 376.123.456.789_đồng",
                "en | VND_376,123,456,789",
                "fr | 376_123_456_789_VND",
                "ru | 376_123_456_789_₫",
            })
    void theFullAmountForTheTooltip(String lang, String shown) {
        assertThat(Figures.of(lang).moneyFull(376_123_456_789L)).isEqualTo(nbsp(shown));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vi | 03/12/2026 15:20",
                "en | 3 Dec 2026, 15:20",
                "fr | 3 déc. 2026 15:20",
                "ru | 3 дек. 2026, 15:20",
            })
    void datesAndTimesInVietnamsZoneAsEachLanguageWritesThem(String lang, String shown) {
        java.time.Instant at = java.time.Instant.parse("2026-12-03T08:20:00Z");
        assertThat(Figures.of(lang).dateTime(at)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vi", "en", "fr", "ru"})
    void nothingToShowIsEmptyNotZero(String lang) {
        Figures f = Figures.of(Locale.forLanguageTag(lang));
        assertThat(f.number(null)).isEmpty();
        assertThat(f.percent(null)).isEmpty();
        assertThat(f.money(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {"vi | 72,5 | 72.5", "vi | 72.5 | 72.5", "en | 72.5 | 72.5", "fr | 72,5 | 72.5", "ru | 72,5 | 72.5"
            })
    void whatIsPrintedIsReadBack(String lang, String typed, String value) {
        assertThat(LocalizedInput.decimal(typed, Locale.forLanguageTag(lang))).isEqualByComparingTo(value);
    }
}
