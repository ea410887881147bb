package org.mandate.indicators.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.DataValueManagement.Entry;
import org.mandate.indicators.DataValueManagement.SaveResult;
import org.mandate.indicators.Indicator;
import org.mandate.indicators.IndicatorAnalytics;
import org.mandate.indicators.IndicatorManagement;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.Period;
import org.mandate.shared.ProblemException;
import org.mandate.shared.ReadScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** Pages: the indicator list, an indicator's trend, the data-entry grid and the import page. */
@Controller
class IndicatorController {

    static final String LIST_VIEW = "indicators/list";
    static final String INDICATOR_VIEW = "indicators/indicator";
    static final String ENTRY_VIEW = "indicators/entry";
    static final String CELL_VIEW = "indicators/entry :: cell";
    static final String IMPORT_VIEW = "indicators/import";

    private final IndicatorManagement indicators;
    private final IndicatorAnalytics analytics;
    private final DataValueManagement values;
    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    IndicatorController(
            IndicatorManagement indicators,
            IndicatorAnalytics analytics,
            DataValueManagement values,
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.indicators = indicators;
        this.analytics = analytics;
        this.values = values;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    record Row(Indicator indicator, IndicatorAnalytics.Value latest) {}

    @GetMapping("/indicators")
    String list(@RequestParam(required = false) String resolution, Model model) {
        List<Indicator> list =
                resolution == null || resolution.isBlank() ? indicators.all() : indicators.ofResolution(resolution);
        List<Row> rows = new ArrayList<>();
        for (Indicator i : list) {
            rows.add(new Row(i, analytics.latest(i.code(), "TW", false).orElse(null)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("resolution", resolution);
        return LIST_VIEW;
    }

    @GetMapping("/indicators/{code}")
    String indicator(
            @PathVariable String code,
            @RequestParam(defaultValue = "TW") String orgUnit,
            @RequestParam(defaultValue = "false") boolean approvedOnly,
            Model model) {
        IndicatorAnalytics.Trend trend = analytics.trend(code, orgUnit, LocalDate.now(clock), approvedOnly);
        Indicator i = trend.indicator();
        Map<String, Object> chart = new LinkedHashMap<>();
        List<List<Object>> actual = new ArrayList<>();
        for (IndicatorAnalytics.Point p : trend.points()) {
            if (p.value() != null) {
                actual.add(List.of(
                        p.start()
                                .plusDays((p.end().toEpochDay() - p.start().toEpochDay()) / 2)
                                .toString(),
                        p.value()));
            }
        }
        chart.put("actual", actual);
        IndicatorAnalytics.Projection projection = trend.projection();
        if (projection.target() != null) {
            String first = trend.points().get(0).start().toString();
            String end = LocalDate.of(projection.targetYear(), 12, 31).toString();
            chart.put("target", List.of(List.of(first, projection.target()), List.of(end, projection.target())));
            if (projection.projected() != null && !actual.isEmpty()) {
                chart.put("projection", List.of(actual.get(actual.size() - 1), List.of(end, projection.projected())));
            }
        }
        chart.put("unit", i.unit() == null ? "" : i.unit());
        chart.put(
                "labels",
                Map.of(
                        "actual", text("indicators.chart.actual"),
                        "target", text("indicators.chart.target"),
                        "projection", text("indicators.chart.projection")));
        model.addAttribute("trend", trend);
        model.addAttribute("indicator", i);
        model.addAttribute("unit", orgUnits.get(orgUnit));
        model.addAttribute("orgUnit", orgUnit);
        model.addAttribute("approvedOnly", approvedOnly);
        model.addAttribute("chartJson", json.writeValueAsString(chart));
        return INDICATOR_VIEW;
    }

    record Cell(Indicator indicator, DataValue value) {}

    @GetMapping("/data-entry")
    String entry(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String resolution,
            Model model) {
        Actor actor = Actor.require();
        String unit =
                orgUnit == null || orgUnit.isBlank() ? (actor.scopeUnit() == null ? "TW" : actor.scopeUnit()) : orgUnit;
        orgUnits.get(unit);
        Period p = period == null || period.isBlank()
                ? Period.of(Period.Type.WEEK, LocalDate.now(clock))
                : Period.parse(period, "period");
        List<Indicator> owed = indicators.all().stream()
                .filter(i -> !i.isFormula() && i.periodicity().periodType() == p.type())
                .filter(i -> resolution == null || resolution.isBlank() || resolution.equals(i.resolution()))
                .toList();
        ReadScope scope = ReadScope.of(actor);
        boolean unpublishedVisible =
                scope.everything() || (scope.subtree() != null && orgUnits.isWithin(unit, scope.subtree()));
        Map<String, DataValue> byCode = values
                .valuesOf(unit, p, owed.stream().map(Indicator::code).toList())
                .stream()
                .filter(v -> unpublishedVisible || v.state() == DataValue.State.APPROVED)
                .collect(Collectors.toMap(DataValue::indicator, Function.identity()));
        model.addAttribute(
                "cells",
                owed.stream().map(i -> new Cell(i, byCode.get(i.code()))).toList());
        model.addAttribute("unit", orgUnits.get(unit));
        model.addAttribute("period", p.toString());
        model.addAttribute("resolution", resolution);
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("mayWrite", orgUnits.covers(actor, unit));
        return ENTRY_VIEW;
    }

    /** htmx: saves one cell as the user leaves it and answers with the cell's status. */
    @PostMapping("/data-entry/cell")
    String saveCell(
            @RequestParam String indicator,
            @RequestParam String orgUnit,
            @RequestParam String period,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String comment,
            Model model) {
        model.addAttribute("cellId", indicator);
        try {
            SaveResult result = values.save(
                    Actor.require(),
                    List.of(new Entry(indicator, indicator, orgUnit, period, value, comment)
                            .typedIn(LocaleContextHolder.getLocale())));
            model.addAttribute("ok", true);
            model.addAttribute("flagged", !result.flagged().isEmpty());
            model.addAttribute(
                    "message",
                    text(result.flagged().isEmpty() ? "indicators.entry.saved" : "indicators.entry.flagged"));
        } catch (ProblemException e) {
            model.addAttribute("ok", false);
            model.addAttribute("flagged", false);
            StringBuilder m = new StringBuilder(
                    messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            e.fieldProblems()
                    .forEach(fp -> m.append(" ")
                            .append(messages.getMessage(
                                    fp.messageKey(), fp.args(), fp.messageKey(), LocaleContextHolder.getLocale())));
            model.addAttribute("message", m.toString());
        }
        return CELL_VIEW;
    }

    @GetMapping("/data-values/import")
    String importPage() {
        Actor.require();
        return IMPORT_VIEW;
    }

    @PostMapping("/data-values/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try {
            model.addAttribute(
                    "result",
                    values.importFile(
                            Actor.require(),
                            file.getContentType(),
                            file.getOriginalFilename(),
                            file.getInputStream(),
                            LocaleContextHolder.getLocale()));
        } catch (ProblemException e) {
            List<String> errors = new ArrayList<>();
            errors.add(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            e.fieldProblems()
                    .forEach(fp -> errors.add(fp.field() + ": "
                            + messages.getMessage(
                                    fp.messageKey(), fp.args(), fp.messageKey(), LocaleContextHolder.getLocale())));
            model.addAttribute("errors", errors);
        }
        return IMPORT_VIEW;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
