package org.mandate.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.Indicator;
import org.mandate.indicators.IndicatorManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The built-in first section of every report: the unit's values for the indicators it owes. */
@Component
class IndicatorValuesSection implements ReportSections {

    private final IndicatorManagement indicators;
    private final DataValueManagement values;
    private final MessageSource messages;

    IndicatorValuesSection(IndicatorManagement indicators, DataValueManagement values, MessageSource messages) {
        this.indicators = indicators;
        this.values = values;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Section section(Report report, Locale locale) {
        List<Indicator> owed = indicators.ofResolution(report.resolution()).stream()
                .filter(i -> !i.isFormula()
                        && i.periodicity().periodType() == report.periodValue().type())
                .toList();
        Map<String, DataValue> byCode =
                values
                        .valuesOf(
                                report.orgUnit(),
                                report.periodValue(),
                                owed.stream().map(Indicator::code).toList())
                        .stream()
                        .collect(Collectors.toMap(DataValue::indicator, Function.identity()));
        List<List<String>> rows = new ArrayList<>();
        for (Indicator i : owed) {
            DataValue v = byCode.get(i.code());
            rows.add(List.of(
                    i.code(),
                    i.names().in(locale),
                    v == null ? "—" : v.value().stripTrailingZeros().toPlainString() + " " + nz(i.unit()),
                    v == null ? text("reporting.value.missing", locale) : text("indicators.state." + v.state(), locale),
                    v == null || v.comment() == null ? "" : v.comment()));
        }
        return new Section(
                "indicators",
                text("reporting.section.indicators", locale),
                List.of(
                        text("indicators.code", locale),
                        text("indicators.name", locale),
                        text("indicators.value", locale),
                        text("indicators.state", locale),
                        text("indicators.comment", locale)),
                rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
