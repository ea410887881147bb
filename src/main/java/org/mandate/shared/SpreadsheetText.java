package org.mandate.shared;

import java.util.regex.Pattern;

/**
 * Text cells safe to open in a spreadsheet (OWASP's CSV-injection rule): a text that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula, so it
 * gets a leading single quote. Plain numbers ({@code -12.5}) are left as they are. Every CSV and XLSX
 * writer of the application (staff exports and open data) passes its text cells through here.
 */
public final class SpreadsheetText {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private SpreadsheetText() {}

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** A cell value: texts neutralised, anything else (numbers, dates, booleans) as it is. */
    public static Object cell(Object value) {
        return value instanceof CharSequence s ? neutralise(s.toString()) : value;
    }
}
