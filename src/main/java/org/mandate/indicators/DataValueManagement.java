package org.mandate.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mandate.indicators.DataValue.State;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.AuditedChange;
import org.mandate.shared.AuditedChanges;
import org.mandate.shared.Checks;
import org.mandate.shared.ConflictException;
import org.mandate.shared.ForbiddenException;
import org.mandate.shared.LocalizedInput;
import org.mandate.shared.Numbers;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.ReadScope;
import org.mandate.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enters, imports and reads data values. A batch is all or nothing: every row is checked first (400 naming
 * the row and field), then the actor's scope over every unit (403), then locks (409: submitted or approved
 * values do not change). Re-sending the same batch changes nothing.
 */
@Service
public class DataValueManagement {

    static final int MAX_BATCH = 100_000;

    private final DataValues values;
    private final IndicatorManagement indicators;
    private final OrgUnitManagement orgUnits;
    private final ApplicationEventPublisher events;
    private final DataValueFiles files;
    private final TransactionTemplate transaction;

    DataValueManagement(
            DataValues values,
            IndicatorManagement indicators,
            OrgUnitManagement orgUnits,
            ApplicationEventPublisher events,
            DataValueFiles files,
            PlatformTransactionManager transactions) {
        this.files = files;
        this.transaction = new TransactionTemplate(transactions);
        this.values = values;
        this.indicators = indicators;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    /**
     * One row as sent: {@code ref} names the row in errors ({@code [3]}, {@code dataValues[3]}, {@code row 4});
     * the value is text so that a malformed number is reported against its row. {@code inputLocale} is the language the value was typed in (the data-entry
     * grid, a spreadsheet): "72,5" is then 72.5 ({@link LocalizedInput#decimal}); null means the API's
     * canonical form.
     */
    public record Entry(
            String ref,
            String indicator,
            String orgUnit,
            String period,
            String value,
            String comment,
            java.util.Locale inputLocale) {

        public Entry(String ref, String indicator, String orgUnit, String period, String value, String comment) {
            this(ref, indicator, orgUnit, period, value, comment, null);
        }

        /** The same value, read as typed in {@code locale}. */
        public Entry typedIn(java.util.Locale locale) {
            return new Entry(ref, indicator, orgUnit, period, value, comment, locale);
        }
    }

    /** What a batch did; {@code flagged} lists the rows whose value is outside the plausible range. */
    public record SaveResult(int created, int updated, int unchanged, List<String> flagged) {}

    /** What the audit trail keeps of a value change. */
    record ValueAudit(String indicator, String orgUnit, String period, BigDecimal value, String comment, State state) {}

    /** Values of a subtree (weeks by their Thursday inside a longer period); {@code approvedOnly} for public use. */
    public PageResult<DataValue> list(
            String indicator, String orgUnit, String period, boolean approvedOnly, Paging paging) {
        Period p = period == null || period.isBlank() ? null : Period.parse(period, "period");
        return new PageResult<>(
                values.list(indicator, orgUnit, p, approvedOnly, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                values.count(indicator, orgUnit, p, approvedOnly));
    }

    /**
     * Values of a subtree as the reader may see them: approved values everywhere, values not yet approved
     * (draft, submitted, returned) only within the reader's scope, all of them for admins and the steering
     * secretariat ({@link ReadScope}).
     */
    public PageResult<DataValue> list(
            Actor reader, String indicator, String orgUnit, String period, boolean approvedOnly, Paging paging) {
        Period p = period == null || period.isBlank() ? null : Period.parse(period, "period");
        ReadScope scope = ReadScope.of(reader);
        return new PageResult<>(
                values.list(indicator, orgUnit, p, approvedOnly, scope, (int) paging.offset(), paging.size()),
                paging.page(),
                paging.size(),
                values.count(indicator, orgUnit, p, approvedOnly, scope));
    }

    /**
     * Only APPROVED values, for the public side: the public dashboard never shows a value that the level
     * above has not approved.
     */
    public List<DataValue> approvedValues(String indicator, String orgUnit, Period period) {
        return values.list(indicator, orgUnit, period, true, 0, Paging.MAX_SIZE * 20);
    }

    /** The values one unit (not its subtree) has for a period and some indicators. */
    public List<DataValue> valuesOf(String orgUnit, Period period, Collection<String> indicatorCodes) {
        return values.ofUnit(orgUnit, period.toString(), indicatorCodes);
    }

    @Transactional
    public SaveResult save(Actor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new org.mandate.shared.InvalidInputException("body", "error.indicators.emptyBatch");
        }
        if (entries.size() > MAX_BATCH) {
            throw new org.mandate.shared.InvalidInputException("body", "error.indicators.batchTooLarge", MAX_BATCH);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Optional<Indicator>> indicatorCache = new HashMap<>();
        Map<String, Optional<OrgUnit>> unitCache = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (Entry raw : entries) {
            String ref = raw.ref();
            Entry e = plain(raw, problems);
            Indicator indicator = null;
            if (blank(e.indicator())) {
                problems.add(new FieldProblem(ref + ".indicator", "error.required"));
            } else {
                indicator = indicatorCache
                        .computeIfAbsent(e.indicator().trim(), indicators::find)
                        .orElse(null);
                if (indicator == null) {
                    problems.add(new FieldProblem(ref + ".indicator", "error.unknown", e.indicator()));
                } else if (indicator.isFormula()) {
                    problems.add(new FieldProblem(ref + ".indicator", "error.indicators.computed", e.indicator()));
                    indicator = null;
                }
            }
            OrgUnit unit = null;
            if (blank(e.orgUnit())) {
                problems.add(new FieldProblem(ref + ".orgUnit", "error.required"));
            } else {
                unit = unitCache
                        .computeIfAbsent(e.orgUnit().trim(), orgUnits::find)
                        .orElse(null);
                if (unit == null) {
                    problems.add(new FieldProblem(ref + ".orgUnit", "error.unknown", e.orgUnit()));
                }
            }
            Period period = null;
            try {
                period = Period.parse(e.period());
                if (indicator != null
                        && period.type() != indicator.periodicity().periodType()) {
                    problems.add(new FieldProblem(
                            ref + ".period", "error.indicators.periodicity", e.period(), indicator.periodicity()));
                    period = null;
                }
            } catch (IllegalArgumentException ex) {
                problems.add(new FieldProblem(ref + ".period", "error.period", String.valueOf(e.period())));
            }
            BigDecimal value = null;
            if (blank(e.value())) {
                problems.add(new FieldProblem(ref + ".value", "error.required"));
            } else {
                // Bounded before any arithmetic: 1e10000000 is refused by its exponent, not computed.
                try {
                    value = e.value().strip().length() > Numbers.MAX_TEXT
                            ? null
                            : Numbers.bounded(LocalizedInput.decimal(
                                    e.value(), e.inputLocale() == null ? Locale.ROOT : e.inputLocale()));
                    if (value == null) {
                        problems.add(new FieldProblem(ref + ".value", "error.indicators.number", shortened(e.value())));
                    }
                } catch (LocalizedInput.Refused ex) {
                    problems.add(new FieldProblem(
                            ref + ".value",
                            ex.messageKey().equals("error.number.ambiguous")
                                    ? ex.messageKey()
                                    : "error.indicators.number",
                            shortened(e.value())));
                }
            }
            Checks.maxLength(problems, ref + ".comment", e.comment(), 1000);
            if (indicator != null && unit != null && period != null && value != null) {
                checked.add(new Checked(ref, indicator, unit, period, value, blank(e.comment()) ? null : e.comment()));
            }
        }
        Checks.throwIfAny(problems);
        Set<String> seen = new java.util.HashSet<>();
        for (Checked c : checked) {
            if (!seen.add(c.indicator().code() + "|" + c.unit().code() + "|" + c.period())) {
                problems.add(new FieldProblem(c.ref(), "error.indicators.duplicateRow"));
            }
        }
        Checks.throwIfAny(problems);
        for (String unit :
                new LinkedHashSet<>(checked.stream().map(c -> c.unit().code()).toList())) {
            orgUnits.requireWrite(actor, unit, Role.REPORTER, Role.LEADER, Role.STEERING);
        }
        int unchanged = 0;
        List<String> flagged = new ArrayList<>();
        Map<DataValues.Key, DataValues.Stored> stored = values.findAll(checked.stream()
                .map(c -> new DataValues.Key(
                        c.indicator().id(), c.period().toString(), c.unit().id()))
                .toList());
        List<DataValues.NewValue> inserts = new ArrayList<>();
        List<DataValues.ChangedValue> updates = new ArrayList<>();
        List<AuditedChange> trail = new ArrayList<>();
        for (Checked c : checked) {
            boolean flag = outOfRange(c.indicator(), c.value());
            if (flag) {
                flagged.add(c.ref());
            }
            DataValues.Stored s = stored.get(new DataValues.Key(
                    c.indicator().id(), c.period().toString(), c.unit().id()));
            if (s == null) {
                inserts.add(new DataValues.NewValue(
                        c.indicator().id(), c.unit().id(), c.period(), c.value(), c.comment(), State.DRAFT, flag));
                trail.add(AuditedChange.created("data-value", key(c), audit(c, State.DRAFT)));
                continue;
            }
            if (s.value().compareTo(c.value()) == 0 && java.util.Objects.equals(s.comment(), c.comment())) {
                unchanged++;
                continue;
            }
            if (s.state() == State.SUBMITTED || s.state() == State.APPROVED) {
                throw new ConflictException(
                        "error.indicators.locked",
                        c.indicator().code(),
                        c.unit().code(),
                        c.period(),
                        s.state());
            }
            updates.add(new DataValues.ChangedValue(s.id(), c.value(), c.comment(), s.state(), flag));
            trail.add(AuditedChange.updated(
                    "data-value",
                    key(c),
                    new ValueAudit(
                            c.indicator().code(),
                            c.unit().code(),
                            c.period().toString(),
                            s.value(),
                            s.comment(),
                            s.state()),
                    audit(c, s.state())));
        }
        // Nothing is written before every row has passed: a locked value above refuses the whole batch.
        values.insertAll(inserts, actor.username());
        values.updateAll(updates, actor.username());
        if (!trail.isEmpty()) {
            events.publishEvent(new AuditedChanges(trail));
        }
        int created = inserts.size();
        int updated = updates.size();
        if (created + updated > 0) {
            events.publishEvent(new DataValuesSubmitted(
                    distinct(checked.stream().map(c -> c.unit().code()).toList()),
                    distinct(checked.stream().map(c -> c.indicator().code()).toList()),
                    distinct(checked.stream().map(c -> c.period().toString()).toList()),
                    created + updated,
                    actor.username(),
                    Instant.now()));
        }
        return new SaveResult(created, updated, unchanged, flagged);
    }

    /**
     * Saves a JSON body (our array of values or a DHIS2 dataValueSet) read from a stream: the actor's role is
     * checked before the body is parsed, so that an account that may not write values costs nothing.
     */
    public SaveResult saveJson(Actor actor, java.io.InputStream body) {
        requireWriter(actor);
        List<Entry> entries = files.json(body);
        return transaction.execute(status -> save(actor, entries));
    }

    /**
     * Reads a file or body (DHIS2 dataValueSets JSON or CSV, our CSV, XLSX) as it streams in, stopping at the
     * row limit, and saves it all or nothing. The role is checked before any parsing.
     */
    public SaveResult importFile(Actor actor, String contentType, String filename, java.io.InputStream in) {
        return importFile(actor, contentType, filename, in, null);
    }

    /**
     * Like {@link #importFile(Actor, String, String, java.io.InputStream)}, reading the numbers of a CSV or
     * XLSX file as typed in {@code locale} ("72,5"); JSON stays in the canonical form.
     */
    public SaveResult importFile(
            Actor actor, String contentType, String filename, java.io.InputStream in, Locale locale) {
        requireWriter(actor);
        // Read before the transaction: a slow upload never holds a database connection.
        List<Entry> entries = files.read(contentType, filename, in, MAX_BATCH);
        boolean typed = locale != null
                && !(String.valueOf(contentType).toLowerCase(Locale.ROOT).contains("json")
                        || String.valueOf(filename).toLowerCase(Locale.ROOT).endsWith(".json"));
        List<Entry> read = typed ? entries.stream().map(e -> e.typedIn(locale)).toList() : entries;
        return transaction.execute(status -> save(actor, read));
    }

    /** Only reporters, leaders, steering and admins enter values (each unit's scope is checked per row). */
    private static void requireWriter(Actor actor) {
        if (!actor.isAdmin() && !actor.is(Role.REPORTER, Role.LEADER, Role.STEERING)) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
    }

    /**
     * Moves the values of one unit and period for the given indicators from some states to another: the
     * reporting module calls it when a report is submitted, approved or returned (it checks the rights).
     */
    @Transactional
    public int changeState(
            String orgUnit, Period period, Collection<String> indicatorCodes, Collection<State> from, State to) {
        OrgUnit unit = orgUnits.get(orgUnit);
        List<Long> ids = indicatorCodes.stream()
                .map(indicators::find)
                .flatMap(Optional::stream)
                .map(Indicator::id)
                .toList();
        int n = values.changeState(unit.id(), period.toString(), ids, from, to);
        if (n > 0) {
            events.publishEvent(new AuditedChange(
                    "data-value", orgUnit + "/" + period, "state:" + to.name().toLowerCase(), from, n));
        }
        return n;
    }

    /** A sample value for the demo loader: indicator, unit, period, value. */
    public record Sample(String indicator, String orgUnit, Period period, BigDecimal value) {}

    /**
     * Loads many values in one JDBC batch with one audit entry, for the demo data set and bulk migrations
     * (admins only; no lock or idempotency checks: the caller loads into empty periods).
     */
    @Transactional
    public int load(Actor actor, List<Sample> samples, State state, String comment) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("error.forbidden.role", actor.role());
        }
        Map<String, Long> indicatorIds = new HashMap<>();
        Map<String, Long> unitIds = new HashMap<>();
        List<DataValues.NewValue> rows = new ArrayList<>();
        for (Sample s : samples) {
            long ind = indicatorIds.computeIfAbsent(
                    s.indicator(), c -> indicators.get(c).id());
            long unit =
                    unitIds.computeIfAbsent(s.orgUnit(), c -> orgUnits.get(c).id());
            rows.add(new DataValues.NewValue(ind, unit, s.period(), s.value(), comment, state, false));
        }
        values.insertAll(rows, actor.username());
        events.publishEvent(new AuditedChange("data-value", "bulk", "loaded", null, rows.size()));
        return rows.size();
    }

    private record Checked(
            String ref, Indicator indicator, OrgUnit unit, Period period, BigDecimal value, String comment) {}

    private static ValueAudit audit(Checked c, State state) {
        return new ValueAudit(
                c.indicator().code(), c.unit().code(), c.period().toString(), c.value(), c.comment(), state);
    }

    private static String key(Checked c) {
        return c.indicator().code() + "/" + c.unit().code() + "/" + c.period();
    }

    static boolean outOfRange(Indicator i, BigDecimal v) {
        return (i.plausibleMin() != null && v.compareTo(i.plausibleMin()) < 0)
                || (i.plausibleMax() != null && v.compareTo(i.plausibleMax()) > 0);
    }

    private static List<String> distinct(List<String> list) {
        return List.copyOf(new LinkedHashSet<>(list));
    }

    /** The entry with any code that is not plain text (NUL, lone surrogates: never sent to the database) left out. */
    private static Entry plain(Entry e, List<FieldProblem> problems) {
        String[] fields = {"indicator", "orgUnit", "period", "value"};
        String[] values = {e.indicator(), e.orgUnit(), e.period(), e.value()};
        boolean clean = true;
        for (int i = 0; i < fields.length; i++) {
            if (!Checks.isPlainText(values[i])) {
                problems.add(new FieldProblem(e.ref() + "." + fields[i], "error.badText"));
                values[i] = null;
                clean = false;
            }
        }
        return clean ? e : new Entry(e.ref(), values[0], values[1], values[2], values[3], e.comment());
    }

    private static String shortened(String s) {
        return s.length() > Numbers.MAX_TEXT ? s.substring(0, Numbers.MAX_TEXT) + "…" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
