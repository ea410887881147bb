package org.mandate.shared;

import java.util.Locale;

/**
 * A text in the four interface languages. Vietnamese is the reference; a missing translation falls
 * back to English, then Vietnamese, so a page never shows an empty label.
 */
public record LocalizedText(String vi, String en, String fr, String ru) {

    public static final LocalizedText EMPTY = new LocalizedText(null, null, null, null);

    public String in(Locale locale) {
        String wanted = switch (locale == null ? "vi" : locale.getLanguage()) {
            case "en" -> en;
            case "fr" -> fr;
            case "ru" -> ru;
            default -> vi;
        };
        if (notBlank(wanted)) {
            return wanted;
        }
        if (notBlank(en)) {
            return en;
        }
        return notBlank(vi) ? vi : (notBlank(fr) ? fr : ru);
    }

    /** Takes the present languages of {@code changes} over this text's. */
    public LocalizedText merge(LocalizedText changes) {
        if (changes == null) {
            return this;
        }
        return new LocalizedText(
                changes.vi != null ? changes.vi : vi,
                changes.en != null ? changes.en : en,
                changes.fr != null ? changes.fr : fr,
                changes.ru != null ? changes.ru : ru);
    }

    public boolean hasAny() {
        return notBlank(vi) || notBlank(en) || notBlank(fr) || notBlank(ru);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
