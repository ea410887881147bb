package org.mandate.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers in the reader's language, the one formatter of every page, PDF and export: the locale's decimal
 * and grouping separators (vi {@code 1.234,5}, en {@code 1,234.5}, fr and ru {@code 1 234,5} with a
 * no-break space), years never grouped, at most {@link #MAX_DECIMALS} decimals unless told otherwise,
 * percentages with one decimal, money in the units people read ({@code 376 tỷ đồng}, {@code VND 376 bn},
 * {@code 376 Mrd VND}, {@code 376 млрд ₫}) with {@link #moneyFull} for the exact amount. Null prints as an
 * empty string, so a template decides what "no figure" looks like. Languages other than these four read
 * as English.
 */
public final class Figures {

    /** Indicators have no decimals setting of their own: no figure shows more than this. */
    public static final int MAX_DECIMALS = 2;

    private static final char NBSP = '\u00a0';

    private final String lang;
    private final DecimalFormatSymbols symbols;
    private final java.time.ZoneId zone;

    private Figures(String lang) {
        this(lang, java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private Figures(String lang, java.time.ZoneId zone) {
        this.lang = lang;
        this.zone = zone;
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(Locale.ROOT);
        switch (lang) {
            case "vi" -> {
                s.setGroupingSeparator('.');
                s.setDecimalSeparator(',');
            }
            case "fr", "ru" -> {
                s.setGroupingSeparator(NBSP);
                s.setDecimalSeparator(',');
            }
            default -> {
                s.setGroupingSeparator(',');
                s.setDecimalSeparator('.');
            }
        }
        s.setMinusSign('-');
        this.symbols = s;
    }

    public static Figures of(Locale locale) {
        String lang = locale == null ? "en" : locale.getLanguage();
        return switch (lang) {
            case "vi", "fr", "ru" -> new Figures(lang);
            default -> new Figures("en");
        };
    }

    public static Figures of(String lang) {
        return of(lang == null ? null : Locale.forLanguageTag(lang));
    }

    /** The same formatter writing dates and times in another zone (the application's configured one). */
    public Figures in(java.time.ZoneId other) {
        return new Figures(lang, other);
    }

    public String lang() {
        return lang;
    }

    /** A number with grouping and at most {@link #MAX_DECIMALS} decimals (trailing zeros dropped). */
    public String number(Object n) {
        return number(n, MAX_DECIMALS);
    }

    /** A number with grouping and at most {@code decimals} decimals (trailing zeros dropped). */
    public String number(Object n, int decimals) {
        BigDecimal v = decimal(n);
        return v == null ? "" : format(v, 0, decimals);
    }

    /** A number with exactly {@code decimals} decimals. */
    public String fixed(Object n, int decimals) {
        BigDecimal v = decimal(n);
        return v == null ? "" : format(v, decimals, decimals);
    }

    /** A whole number with grouping (counts, days). */
    public String integer(Object n) {
        return number(n, 0);
    }

    /**
     * An instant as the reader writes a date and time, in the application's zone (Vietnam's by default): vi {@code 03/12/2026 15:20}, en
     * {@code 3 Dec 2026, 15:20}, fr {@code 3 déc. 2026 15:20}, ru {@code 3 дек. 2026, 15:20}.
     */
    public String dateTime(Object instant) {
        if (!(instant instanceof java.time.Instant i)) {
            return "";
        }
        String pattern = switch (lang) {
            case "vi" -> "dd/MM/yyyy HH:mm";
            case "fr" -> "d MMM yyyy HH:mm";
            default -> "d MMM yyyy, HH:mm";
        };
        return java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(lang))
                .format(i.atZone(zone));
    }

    /** A year as people write it: never grouped. */
    public String year(Object n) {
        BigDecimal v = decimal(n);
        return v == null ? "" : v.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentage (0–100 already) with one decimal and the locale's sign: vi/en {@code 99,7%}, fr/ru {@code 99,7 %}. */
    public String percent(Object n) {
        BigDecimal v = decimal(n);
        if (v == null) {
            return "";
        }
        // Short of 100 never prints as 100: "100.0 %" beside "off track" would contradict the badge.
        if (v.compareTo(HUNDRED) < 0 && v.setScale(1, RoundingMode.HALF_UP).compareTo(HUNDRED) >= 0) {
            v = new BigDecimal("99.9");
        }
        return format(v, 1, 1) + (lang.equals("fr") || lang.equals("ru") ? NBSP + "%" : "%");
    }

    /**
     * An amount of VND in the units people read: billions and millions with at most one decimal below
     * 100 of the unit (whole above), smaller amounts in full.
     */
    public String money(Object n) {
        BigDecimal v = decimal(n);
        if (v == null) {
            return "";
        }
        BigDecimal abs = v.abs();
        String scale;
        BigDecimal shown;
        if (abs.compareTo(BILLION) >= 0) {
            scale = "bn";
            shown = v.divide(BILLION);
        } else if (abs.compareTo(MILLION) >= 0) {
            scale = "m";
            shown = v.divide(MILLION);
        } else {
            return currency(format(v, 0, 0), "");
        }
        String digits = format(shown, 0, shown.abs().compareTo(HUNDRED) >= 0 ? 0 : 1);
        return currency(digits, scale);
    }

    /** The exact amount, every đồng, for a tooltip beside {@link #money}. */
    public String moneyFull(Object n) {
        BigDecimal v = decimal(n);
        return v == null ? "" : currency(format(v, 0, 0), "");
    }

    private String currency(String digits, String scale) {
        String sp = String.valueOf(NBSP);
        return switch (lang) {
            case "vi" ->
                digits
                        + sp
                        + switch (scale) {
                            case "bn" -> "tỷ" + sp + "đồng";
                            case "m" -> "triệu" + sp + "đồng";
                            default -> "đồng";
                        };
            case "fr" ->
                digits
                        + sp
                        + switch (scale) {
                            case "bn" -> "Mrd" + sp + "VND";
                            case "m" -> "M" + sp + "VND";
                            default -> "VND";
                        };
            case "ru" ->
                digits
                        + sp
                        + switch (scale) {
                            case "bn" -> "млрд" + sp + "₫";
                            case "m" -> "млн" + sp + "₫";
                            default -> "₫";
                        };
            default -> "VND" + sp + digits + (scale.isEmpty() ? "" : sp + scale);
        };
    }

    /**
     * The value a chart draws and a table prints: rounded to at most {@code decimals} decimals, so that
     * both show the same figure. Null stays null.
     */
    public static BigDecimal round(Object n, int decimals) {
        BigDecimal v = decimal(n);
        if (v == null) {
            return null;
        }
        BigDecimal r = v.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private String format(BigDecimal v, int minDecimals, int maxDecimals) {
        DecimalFormat f = new DecimalFormat("#,##0", symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(maxDecimals);
        String s = f.format(v);
        // -0 and -0,0 read as zero.
        return s.matches("-0([.,]0*)?") ? s.substring(1) : s;
    }

    private static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (n instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : new BigDecimal(f.toString());
        }
        if (n instanceof Number x) {
            return new BigDecimal(x.toString());
        }
        if (n instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
