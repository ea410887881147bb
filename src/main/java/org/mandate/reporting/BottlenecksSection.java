package org.mandate.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mandate.bottlenecks.Bottleneck;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.shared.Paging;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The third part of a report: the bottlenecks the unit raised during the period. */
@Component
class BottlenecksSection implements ReportSections {

    private final BottleneckManagement bottlenecks;
    private final MessageSource messages;

    BottlenecksSection(BottleneckManagement bottlenecks, MessageSource messages) {
        this.bottlenecks = bottlenecks;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Section section(Report report, Locale locale) {
        var period = report.periodValue();
        List<List<String>> rows = new ArrayList<>();
        for (Bottleneck b : bottlenecks
                .list(null, null, null, report.orgUnit(), report.resolution(), Paging.of(0, Paging.MAX_SIZE))
                .items()) {
            if (b.raisedOn() == null
                    || b.raisedOn().isBefore(period.start())
                    || b.raisedOn().isAfter(period.end())) {
                continue;
            }
            rows.add(List.of(
                    "#" + b.id(),
                    b.title(),
                    text("bottlenecks.type." + b.type(), locale),
                    text("bottlenecks.severity." + b.severity(), locale),
                    b.owner(),
                    b.raisedOn().toString()));
        }
        return new Section(
                "bottlenecks",
                text("reporting.section.bottlenecks", locale),
                List.of(
                        "#",
                        text("public.bottleneck", locale),
                        text("public.type", locale),
                        text("public.severity", locale),
                        text("public.owner", locale),
                        text("public.raisedOn", locale)),
                rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
