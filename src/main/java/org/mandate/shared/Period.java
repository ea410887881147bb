package org.mandate.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period with its ISO identifier: {@code 2025W42} (ISO week), {@code 2025-10} (month),
 * {@code 2025Q4} (quarter) or {@code 2025} (year). DHIS2 identifiers are read too ({@code 202510} for a
 * month, the others are the same). Weeks follow ISO 8601: they start on Monday, week 1 holds the year's
 * first Thursday, and a week belongs to the month, quarter and year of its Thursday (its {@link #anchor()}).
 */
public record Period(Type type, LocalDate start) implements Comparable<Period> {

    public enum Type {
        WEEK,
        MONTH,
        QUARTER,
        YEAR
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-?W(\\d{1,2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DHIS2_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public Period {
        if (type == null || start == null) {
            throw new IllegalArgumentException("type and start are required");
        }
        LocalDate normal = normalise(type, start);
        if (!normal.equals(start)) {
            throw new IllegalArgumentException("not the start of a " + type + ": " + start);
        }
    }

    /** The period of the given type that holds the day (for weeks: the ISO week of the day). */
    public static Period of(Type type, LocalDate day) {
        return new Period(type, normalise(type, day));
    }

    public static Period week(int weekBasedYear, int week) {
        LocalDate monday = LocalDate.of(weekBasedYear, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
        return new Period(Type.WEEK, monday);
    }

    public static Period month(int year, int month) {
        return new Period(Type.MONTH, LocalDate.of(year, month, 1));
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Type.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1));
    }

    public static Period year(int year) {
        return new Period(Type.YEAR, LocalDate.of(year, 1, 1));
    }

    /**
     * Reads an ISO identifier ({@code 2025W42}, {@code 2025-10}, {@code 2025Q4}, {@code 2025}) or a DHIS2 one
     * ({@code 202510}, {@code 2025W42}, {@code 2025Q4}, {@code 2025}).
     *
     * @throws IllegalArgumentException when the text is not a period
     */
    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no period");
        }
        String s = text.trim();
        Matcher m;
        try {
            if ((m = WEEK.matcher(s)).matches()) {
                int y = Integer.parseInt(m.group(1));
                int w = Integer.parseInt(m.group(2));
                if (w < 1 || w > weeksIn(y)) {
                    throw new IllegalArgumentException("no week " + w + " in " + y);
                }
                return week(y, w);
            }
            if ((m = MONTH.matcher(s)).matches() || (m = DHIS2_MONTH.matcher(s)).matches()) {
                return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(s)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a period: " + text, e);
        }
        throw new IllegalArgumentException("not a period: " + text);
    }

    /** Like {@link #parse} but an {@link InvalidInputException} naming the field. */
    public static Period parse(String text, String field) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "error.period", String.valueOf(text));
        }
    }

    public static int weeksIn(int weekBasedYear) {
        return (int) LocalDate.of(weekBasedYear, 12, 28)
                .range(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                .getMaximum();
    }

    public LocalDate end() {
        return switch (type) {
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    /** The day that decides which month, quarter and year the period belongs to: Thursday for a week. */
    public LocalDate anchor() {
        return type == Type.WEEK ? start.plusDays(3) : start;
    }

    /** The year the period belongs to (a week's ISO week-based year). */
    public int year() {
        return anchor().getYear();
    }

    /** The period of a coarser (or the same) type that holds this one; weeks go by their Thursday. */
    public Period within(Type coarser) {
        if (coarser == Type.WEEK && type != Type.WEEK) {
            throw new IllegalArgumentException(type + " is not within a week");
        }
        return of(coarser, anchor());
    }

    /** True when {@code other} lies in this period (a week by its Thursday). */
    public boolean contains(Period other) {
        if (other.type.ordinal() < type.ordinal()) {
            return other.within(type).equals(this);
        }
        return other.equals(this);
    }

    public Period next() {
        return switch (type) {
            case WEEK -> new Period(type, start.plusWeeks(1));
            case MONTH -> new Period(type, start.plusMonths(1));
            case QUARTER -> new Period(type, start.plusMonths(3));
            case YEAR -> new Period(type, start.plusYears(1));
        };
    }

    public Period previous() {
        return switch (type) {
            case WEEK -> new Period(type, start.minusWeeks(1));
            case MONTH -> new Period(type, start.minusMonths(1));
            case QUARTER -> new Period(type, start.minusMonths(3));
            case YEAR -> new Period(type, start.minusYears(1));
        };
    }

    /** The periods of {@code type} from the one holding {@code from} to the one holding {@code to}, inclusive. */
    public static List<Period> range(Type type, Period from, Period to) {
        List<Period> list = new ArrayList<>();
        Period p = from.type == type ? from : of(type, from.anchor());
        Period last = to.type == type ? to : of(type, to.anchor());
        while (!p.start.isAfter(last.start) && list.size() < 10_000) {
            list.add(p);
            p = p.next();
        }
        return list;
    }

    /** The ISO identifier. */
    @Override
    public String toString() {
        return switch (type) {
            case WEEK -> String.format("%dW%02d", start.plusDays(3).get(IsoFields.WEEK_BASED_YEAR), weekNumber());
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The DHIS2 identifier: {@code 2025W42}, {@code 202510}, {@code 2025Q4}, {@code 2025}. */
    public String dhis2() {
        if (type == Type.WEEK) {
            return start.plusDays(3).get(IsoFields.WEEK_BASED_YEAR) + "W" + weekNumber();
        }
        return type == Type.MONTH ? String.format("%d%02d", start.getYear(), start.getMonthValue()) : toString();
    }

    private int weekNumber() {
        return start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : type.compareTo(o.type);
    }

    private static LocalDate normalise(Type type, LocalDate day) {
        return switch (type) {
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }
}
