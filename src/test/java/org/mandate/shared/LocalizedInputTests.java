package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalizedInputTests {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final Locale EN = Locale.ENGLISH;
    static final Locale FR = Locale.FRENCH;
    static final Locale RU = Locale.forLanguageTag("ru");

    static BigDecimal parse(String text, String lang) {
        return LocalizedInput.decimal(text, lang.equals("root") ? Locale.ROOT : Locale.forLanguageTag(lang));
    }

    @ParameterizedTest(name = "{1}: \"{0}\" is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // The decimal comma and the canonical point, in every language.
                "72,5|vi|72.5",
                "72.5|vi|72.5",
                "72,5|en|72.5",
                "72.5|en|72.5",
                "72,5|fr|72.5",
                "72.5|fr|72.5",
                "72,5|ru|72.5",
                "72.5|ru|72.5",
                "72,5|root|72.5",
                "72.5|root|72.5",
                "-3,25|vi|-3.25",
                "+4|en|4",
                "0,125|en|0.125",
                "0.125|vi|0.125",
                "1234,567|en|1234.567",
                // Three decimals after the user's own decimal separator are decimals.
                "1,234|vi|1.234",
                "1,234|fr|1.234",
                "1,234|ru|1.234",
                "1.234|en|1.234",
                "1.234|fr|1.234",
                // Thousands where they cannot be misread.
                "1.234.567|vi|1234567",
                "1,234,567|en|1234567",
                "1.234,5|vi|1234.5",
                "1,234.5|en|1234.5",
                "1 234,5|fr|1234.5",
                "1\u202F234,5|fr|1234.5",
                "1\u00A0234\u00A0567|ru|1234567",
                "12 345|en|12345",
                "1e3|root|1000",
                "7|vi|7"
            })
    void readsWhatPeopleType(String text, String lang, String expected) {
        assertThat(parse(text, lang)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{1}: \"{0}\" is ambiguous")
    @CsvSource(
            delimiter = '|',
            value = {"1.234|vi", "1,234|en", "1,234|root", "999.000|vi", "1,234.5|vi", "1.234,5|en", "1.234,5|fr"})
    void refusesAThousandsSeparatorThatCouldBeADecimalOne(String text, String lang) {
        assertThatThrownBy(() -> parse(text, lang))
                .isInstanceOfSatisfying(
                        LocalizedInput.Refused.class,
                        r -> assertThat(r.messageKey()).isEqualTo("error.number.ambiguous"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"abc", "1,2,3", "1.2.3", "12 5", "1..2", "1,,2", "NaN", "--1", "1 2345", "72,5%", ",", "1.234.56"
            })
    void refusesWhatIsNotANumber(String text) {
        for (Locale l : new Locale[] {VI, EN, FR, RU, Locale.ROOT}) {
            assertThatThrownBy(() -> LocalizedInput.decimal(text, l))
                    .as(text + " in " + l)
                    .isInstanceOf(LocalizedInput.Refused.class);
        }
    }

    @Test
    void datesInTheCanonicalFormAndDayFirst() {
        LocalDate end = LocalDate.of(2026, 12, 31);
        assertThat(LocalizedInput.date("2026-12-31")).isEqualTo(end);
        assertThat(LocalizedInput.date("31/12/2026")).isEqualTo(end);
        assertThat(LocalizedInput.date(" 31.12.2026 ")).isEqualTo(end);
        assertThat(LocalizedInput.date("31-12-2026")).isEqualTo(end);
        assertThat(LocalizedInput.date("1/2/2026")).isEqualTo(LocalDate.of(2026, 2, 1));
        for (String bad : new String[] {"12/31/2026", "31/12/26", "2026-02-30", "yesterday", "31/12-2026"}) {
            assertThatThrownBy(() -> LocalizedInput.date(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            LocalizedInput.Refused.class,
                            r -> assertThat(r.messageKey()).isEqualTo("error.date.format"));
        }
    }
}
