package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalizedTextTests {

    @Test
    void picksTheLanguageAndFallsBackToEnglishThenVietnamese() {
        LocalizedText text = new LocalizedText("Xin chào", "Hello", null, "");
        assertThat(text.in(Locale.forLanguageTag("vi"))).isEqualTo("Xin chào");
        assertThat(text.in(Locale.FRENCH)).isEqualTo("Hello");
        assertThat(text.in(Locale.forLanguageTag("ru"))).isEqualTo("Hello");
        assertThat(new LocalizedText("Xin chào", null, null, null).in(Locale.ENGLISH))
                .isEqualTo("Xin chào");
    }

    @Test
    void mergeKeepsLanguagesThatWereNotSent() {
        LocalizedText merged = new LocalizedText("a", "b", "c", "d").merge(new LocalizedText(null, "B", null, null));
        assertThat(merged).isEqualTo(new LocalizedText("a", "B", "c", "d"));
    }
}
