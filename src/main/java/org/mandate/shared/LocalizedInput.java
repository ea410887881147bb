package org.mandate.shared;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers and dates as people type them: the canonical form ({@code 72.5}, {@code 2026-12-31}) and the
 * user's own ({@code 72,5} in Vietnamese, French or Russian; {@code 31/12/2026}).
 *
 * <p>Numbers:
 *
 * <ul>
 *   <li>One separator that cannot be a thousands separator is the decimal one, whichever it is:
 *       {@code 72,5} and {@code 72.5} are both 72.5 in every language (a thousands group has three digits).
 *   <li>One separator followed by exactly three digits ({@code 1.234}, {@code 1,234}) is the decimal one when
 *       it is the user's decimal separator or the canonical point while the user's thousands separator is
 *       something else; when it is the user's thousands separator ({@code 1.234} in Vietnamese, {@code 1,234}
 *       in English) the number is refused as ambiguous rather than guessed.
 *   <li>Thousands separators are accepted where they cannot be misread: spaces (as French and Russian
 *       write them), a separator repeated in groups of three ({@code 1.234.567} in Vietnamese), or both
 *       separators in the user's own order ({@code 1.234,5} in Vietnamese, {@code 1,234.5} in English).
 *   <li>{@link Locale#ROOT} is the canonical form of the API: point for decimals, comma for thousands.
 * </ul>
 *
 * <p>Dates: ISO {@code 2026-12-31}, or day first {@code 31/12/2026}, {@code 31.12.2026}, {@code 31-12-2026}
 * (day, month, four-digit year, as Vietnamese, French and Russian write them; never month first).
 */
public final class LocalizedInput {

    private LocalizedInput() {}

    /** Input that is refused, with the message key and arguments that say why. */
    public static final class Refused extends IllegalArgumentException {
        private final String messageKey;
        private final transient Object[] args;

        Refused(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2009']");
    private static final Pattern EXPONENT = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d{1,3}");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:X\\d{3})+");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");

    /**
     * The number a user of {@code locale} typed. Refused ({@link Refused}) with {@code error.number.format}
     * when it is not a number and {@code error.number.ambiguous} when a thousands separator could be read
     * as a decimal one.
     */
    public static BigDecimal decimal(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            throw new Refused("error.required");
        }
        String raw = text.strip();
        if (EXPONENT.matcher(raw).matches()) {
            return new BigDecimal(raw);
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale == null ? Locale.ROOT : locale);
        char decimalSep = symbols.getDecimalSeparator();
        char groupSep = symbols.getGroupingSeparator();
        boolean spaceGroups = Character.isSpaceChar(groupSep) || groupSep == '\u00A0' || groupSep == '\u202F';

        String sign = "";
        String s = raw;
        if (s.startsWith("-") || s.startsWith("+") || s.startsWith("\u2212")) {
            sign = s.startsWith("+") ? "" : "-";
            s = s.substring(1).strip();
        }
        // Spaces only ever group thousands.
        if (SPACES.matcher(s).find()) {
            String[] parts = SPACES.split(s, -1);
            String head = parts[0];
            StringBuilder joined = new StringBuilder(head);
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i];
                String digits = i == parts.length - 1 ? leadingDigits(p) : p;
                if (digits.length() != 3 || !p.startsWith(digits) || (i < parts.length - 1 && !isDigits(p))) {
                    throw new Refused("error.number.format", raw);
                }
                joined.append(p);
            }
            if (head.isEmpty() || head.length() > 3 || !isDigits(head)) {
                throw new Refused("error.number.format", raw);
            }
            s = joined.toString();
        }
        int dots = count(s, '.');
        int commas = count(s, ',');
        String canonical;
        if (dots == 0 && commas == 0) {
            canonical = s;
        } else if (dots > 0 && commas > 0) {
            char last = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char group = last == '.' ? ',' : '.';
            // Both present: only the user's own order is clear (1.234,5 in Vietnamese, 1,234.5 in English).
            if (count(s, last) != 1 || last != decimalSep || group != groupSep) {
                throw new Refused("error.number.ambiguous", raw, String.valueOf(groupSep), String.valueOf(decimalSep));
            }
            int at = s.lastIndexOf(last);
            String whole = s.substring(0, at);
            if (!GROUPED.matcher(whole.replace(group, 'X')).matches()) {
                throw new Refused("error.number.format", raw);
            }
            canonical = whole.replace(String.valueOf(group), "") + "." + s.substring(at + 1);
        } else {
            char sep = dots > 0 ? '.' : ',';
            int n = dots > 0 ? dots : commas;
            if (n > 1) {
                // Repeated: thousands groups, the user's own separator only (1.234.567 in Vietnamese).
                if (sep != groupSep || !GROUPED.matcher(s.replace(sep, 'X')).matches()) {
                    throw new Refused("error.number.format", raw);
                }
                canonical = s.replace(String.valueOf(sep), "");
            } else {
                int at = s.indexOf(sep);
                String whole = s.substring(0, at);
                String fraction = s.substring(at + 1);
                boolean couldGroup = fraction.length() == 3
                        && isDigits(fraction)
                        && !whole.isEmpty()
                        && whole.length() <= 3
                        && whole.charAt(0) != '0';
                if (couldGroup && sep == groupSep && !spaceGroups) {
                    throw new Refused(
                            "error.number.ambiguous", raw, String.valueOf(groupSep), String.valueOf(decimalSep));
                }
                canonical = whole + "." + fraction;
            }
        }
        if (!canonical.matches("\\d*\\.?\\d+|\\d+\\.")) {
            throw new Refused("error.number.format", raw);
        }
        try {
            return new BigDecimal(sign + (canonical.startsWith(".") ? "0" + canonical : canonical));
        } catch (NumberFormatException e) {
            throw new Refused("error.number.format", raw);
        }
    }

    /** A date typed as {@code 2026-12-31} or day first as {@code 31/12/2026}; refused with {@code error.date.format}. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new Refused("error.required");
        }
        String s = text.strip();
        try {
            Matcher iso = ISO_DATE.matcher(s);
            if (iso.matches()) {
                return LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            Matcher dayFirst = DAY_FIRST.matcher(s);
            if (dayFirst.matches()) {
                return LocalDate.of(
                        Integer.parseInt(dayFirst.group(4)),
                        Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(1)));
            }
        } catch (DateTimeException e) {
            throw new Refused("error.date.format", s);
        }
        throw new Refused("error.date.format", s);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String leadingDigits(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return s.substring(0, i);
    }
}
