package org.mandate.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskUpdate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The second part of a report: the progress the unit reported on the tasks it leads during the period. */
@Component
class TaskUpdatesSection implements ReportSections {

    private final TaskManagement tasks;
    private final MessageSource messages;

    TaskUpdatesSection(TaskManagement tasks, MessageSource messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Section section(Report report, Locale locale) {
        var period = report.periodValue();
        List<List<String>> rows = new ArrayList<>();
        for (TaskUpdate u : tasks.updatesOfUnit(report.orgUnit(), period.start(), period.end())) {
            Task t = tasks.find(u.taskId()).orElse(null);
            if (t == null
                    || (report.resolution() != null && !report.resolution().equals(t.resolution()))) {
                continue;
            }
            rows.add(List.of(
                    "#" + t.id(),
                    t.title(),
                    u.progress() + "%",
                    text("tasks.status." + u.status(), locale),
                    u.note() == null ? "" : u.note(),
                    u.reportedOn().toString()));
        }
        return new Section(
                "tasks",
                text("reporting.section.tasks", locale),
                List.of(
                        "#",
                        text("public.task", locale),
                        text("public.progress", locale),
                        text("public.status", locale),
                        text("reporting.section.note", locale),
                        text("reporting.section.date", locale)),
                rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
