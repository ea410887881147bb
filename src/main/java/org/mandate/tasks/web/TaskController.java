package org.mandate.tasks.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mandate.discussion.Attachment;
import org.mandate.discussion.Comment;
import org.mandate.discussion.Discussion;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException;
import org.mandate.tasks.LegalStage;
import org.mandate.tasks.Rebaseline;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskKind;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.NewTask;
import org.mandate.tasks.TaskManagement.ProgressReport;
import org.mandate.tasks.TaskManagement.RebaselineRequest;
import org.mandate.tasks.TaskManagement.TaskChanges;
import org.mandate.tasks.TaskManagement.TaskFilter;
import org.mandate.tasks.TaskStatus;
import org.mandate.tasks.TaskUpdate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Staff pages: the task list, a task's page, the new-task and split forms, the legal-document board. */
@Controller
class TaskController {

    static final String LIST_VIEW = "tasks/list";
    static final String TASK_VIEW = "tasks/task";
    static final String FORM_VIEW = "tasks/form";
    static final String LEGAL_VIEW = "tasks/legal";
    static final int LEGAL_COLUMN_ROWS = 50;
    static final int LEGAL_LATE_ROWS = 50;

    private final TaskManagement tasks;
    private final ResolutionManagement resolutions;
    private final OrgUnitManagement orgUnits;
    private final TaskSpreadsheets sheets;
    private final MessageSource messages;

    TaskController(
            TaskManagement tasks,
            ResolutionManagement resolutions,
            OrgUnitManagement orgUnits,
            TaskSpreadsheets sheets,
            MessageSource messages,
            Discussion discussion,
            org.mandate.tasks.DeliveryConfidence confidence) {
        this.tasks = tasks;
        this.resolutions = resolutions;
        this.orgUnits = orgUnits;
        this.sheets = sheets;
        this.messages = messages;
        this.discussion = discussion;
        this.confidence = confidence;
    }

    private final org.mandate.tasks.DeliveryConfidence confidence;

    @PostMapping("/tasks/{id}/confidence")
    String rate(
            @PathVariable long id,
            @RequestParam(required = false) String rating,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            org.mandate.tasks.ConfidenceRating r = null;
            try {
                r = rating == null ? null : org.mandate.tasks.ConfidenceRating.valueOf(rating);
            } catch (IllegalArgumentException e) {
                // An unknown step reads as none chosen.
            }
            confidence.rate(Actor.require(), id, r, reason);
            redirect.addFlashAttribute("notice", text("tasks.confidence.saved"));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:/tasks/" + id + "#confidence";
    }

    private final Discussion discussion;

    /**
     * One line of a task's timeline: a progress update (with the evidence files attached to it), a comment,
     * or an evidence file attached to the task itself; newest first.
     */
    public record TimelineEntry(
            String kind,
            java.time.Instant at,
            TaskUpdate update,
            List<Attachment> files,
            Comment comment,
            Attachment file) {}

    private List<TimelineEntry> timeline(Actor actor, long id, List<TaskUpdate> updates) {
        List<TimelineEntry> entries = new java.util.ArrayList<>();
        for (TaskUpdate u : updates) {
            entries.add(new TimelineEntry(
                    "update", u.reportedAt(), u, discussion.attachments(actor, "update:" + u.id()), null, null));
        }
        for (Comment c : discussion.comments(actor, "task:" + id)) {
            entries.add(new TimelineEntry("comment", c.createdAt(), null, List.of(), c, null));
        }
        for (Attachment a : discussion.attachments(actor, "task:" + id)) {
            entries.add(new TimelineEntry("file", a.uploadedAt(), null, List.of(), null, a));
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    @GetMapping("/tasks")
    String list(
            @RequestParam Map<String, String> requestParams,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Actor actor = Actor.require();
        Map<String, String> params = new LinkedHashMap<>(requestParams);
        // A unit's staff see the tasks of their own subtree first; the filter can widen it.
        if (!params.containsKey("orgUnit")
                && actor.scopeUnit() != null
                && !actor.is(org.mandate.shared.Role.ADMIN, org.mandate.shared.Role.STEERING)) {
            params.put("orgUnit", actor.scopeUnit());
        }
        TaskFilter filter = TaskSpreadsheets.filter(params);
        FormValues v = FormValues.of(params);
        Integer page = v.integer("page");
        v.throwIfAny();
        PageResult<Task> result = tasks.list(actor, filter, Paging.of(page, 50));
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("params", params);
        model.addAttribute("today", tasks.today());
        model.addAttribute("lastPage", Math.max(0, (result.total() - 1) / result.size()));
        model.addAttribute("query", query(params));
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("kinds", TaskKind.values());
        return htmx != null ? LIST_VIEW + " :: results" : LIST_VIEW;
    }

    /** The filter query string without the page, for export and paging links. */
    static String query(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params.forEach((k, val) -> {
            if (!k.equals("page") && !k.equals("lang") && val != null && !val.isBlank()) {
                b.queryParam(k, val);
            }
        });
        String q = b.build().encode().getQuery();
        return q == null ? "" : q;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        Actor actor = Actor.require();
        Task task = tasks.get(actor, id);
        LocalDate today = tasks.today();
        model.addAttribute("task", task);
        model.addAttribute("today", today);
        model.addAttribute("missing", task.missingClarities());
        model.addAttribute(
                "parent",
                task.parent() == null ? null : tasks.find(actor, task.parent()).orElse(null));
        model.addAttribute("children", tasks.children(actor, id));
        model.addAttribute(
                "prerequisites",
                tasks.prerequisites(id).stream()
                        .filter(t -> tasks.mayRead(actor, t))
                        .toList());
        model.addAttribute(
                "dependents",
                tasks.dependents(id).stream()
                        .filter(t -> tasks.mayRead(actor, t))
                        .toList());
        model.addAttribute("blockers", tasks.blockers(id));
        List<TaskUpdate> updates = tasks.updates(id);
        model.addAttribute("updates", updates);
        model.addAttribute("timeline", timeline(actor, id, updates));
        model.addAttribute("mayDiscuss", tasks.mayWrite(actor, task.leadUnit()) || tasks.mayApprove(actor, task));
        model.addAttribute("maxFileMb", discussion.maxFileSize() / (1024 * 1024));
        model.addAttribute("confidence", confidence.history(actor, id));
        model.addAttribute("ratings", org.mandate.tasks.ConfidenceRating.values());
        List<Rebaseline> rebaselines = tasks.rebaselines(id);
        model.addAttribute("rebaselines", rebaselines);
        model.addAttribute(
                "pending", rebaselines.stream().anyMatch(r -> r.state().equals("PENDING")));
        model.addAttribute("budget", tasks.rolledUpBudget(id));
        model.addAttribute("mayWrite", tasks.mayWrite(actor, task.leadUnit()));
        model.addAttribute("mayApprove", tasks.mayApprove(actor, task));
        model.addAttribute(
                "statuses",
                List.of(
                        TaskStatus.DRAFT,
                        TaskStatus.NOT_STARTED,
                        TaskStatus.ON_TRACK,
                        TaskStatus.AT_RISK,
                        TaskStatus.CANCELLED));
        model.addAttribute("updateStatuses", List.of(TaskStatus.ON_TRACK, TaskStatus.AT_RISK, TaskStatus.DONE));
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("legalStages", LegalStage.values());
        model.addAttribute(
                "leadUnitName",
                orgUnits.find(task.leadUnit())
                        .map(u -> u.names().in(LocaleContextHolder.getLocale()))
                        .orElse(task.leadUnit()));
        return TASK_VIEW;
    }

    @GetMapping("/tasks/new")
    String newTask(@RequestParam(required = false) Long parent, Model model) {
        Actor actor = Actor.require();
        model.addAttribute("parent", parent == null ? null : tasks.get(actor, parent));
        model.addAttribute("values", Map.of());
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("today", tasks.today());
        return FORM_VIEW;
    }

    @PostMapping("/tasks")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.require();
        FormValues v = FormValues.of(params);
        try {
            NewTask command = new NewTask(
                    v.text("title"),
                    v.text("description"),
                    v.text("resolution"),
                    v.text("solutionGroup"),
                    v.text("leadUnit"),
                    v.list("coordinatingUnits"),
                    v.text("responsiblePerson"),
                    v.text("approver"),
                    v.date("startOn"),
                    v.date("deadline"),
                    v.text("expectedResult"),
                    v.enumValue("kind", TaskKind.class),
                    v.number("budgetPlanned"),
                    v.number("budgetAllocated"),
                    v.number("budgetDisbursed"),
                    v.number("parent"),
                    null,
                    v.integer("weight"),
                    null,
                    null);
            v.throwIfAny();
            Task created = tasks.create(actor, command);
            redirect.addFlashAttribute("notice", text("tasks.created"));
            return "redirect:/tasks/" + created.id();
        } catch (ProblemException e) {
            model.addAttribute("error", describe(e));
            model.addAttribute("values", params);
            Long parent = v.number("parent");
            model.addAttribute(
                    "parent", parent == null ? null : tasks.find(parent).orElse(null));
            model.addAttribute("status", e.status().value());
            return form(model);
        }
    }

    @PostMapping("/tasks/{id}/edit")
    String edit(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, redirect, "tasks.saved", () -> {
            FormValues v = FormValues.of(params);
            TaskChanges changes = new TaskChanges(
                    v.text("title"),
                    params.containsKey("description") ? params.get("description") : null,
                    v.text("solutionGroup"),
                    v.text("leadUnit"),
                    params.containsKey("coordinatingUnits")
                            ? (v.list("coordinatingUnits") == null ? List.of() : v.list("coordinatingUnits"))
                            : null,
                    v.text("responsiblePerson"),
                    v.text("approver"),
                    v.date("startOn"),
                    v.date("deadline"),
                    v.text("expectedResult"),
                    v.enumValue("kind", TaskKind.class),
                    v.number("budgetPlanned"),
                    v.number("budgetAllocated"),
                    v.number("budgetDisbursed"),
                    v.enumValue("status", TaskStatus.class),
                    v.integer("weight"),
                    v.enumValue("legalStage", LegalStage.class),
                    params.containsKey("dependsOn") ? v.ids("dependsOn") : null,
                    v.number("version"));
            v.throwIfAny();
            tasks.update(Actor.require(), id, changes);
        });
    }

    @PostMapping("/tasks/{id}/updates")
    String report(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, redirect, "tasks.updatePosted", () -> {
            FormValues v = FormValues.of(params);
            ProgressReport report = new ProgressReport(
                    v.integer("progress"),
                    v.enumValue("status", TaskStatus.class),
                    v.text("note"),
                    v.text("evidenceUrl"),
                    v.number("version"));
            v.throwIfAny();
            tasks.report(Actor.require(), id, report);
        });
    }

    @PostMapping("/tasks/{id}/rebaselines")
    String rebaseline(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, redirect, "tasks.rebaseline.requestSent", () -> {
            FormValues v = FormValues.of(params);
            RebaselineRequest r = new RebaselineRequest(v.date("deadline"), v.text("expectedResult"), v.text("reason"));
            v.throwIfAny();
            tasks.requestRebaseline(Actor.require(), id, r);
        });
    }

    @PostMapping("/tasks/{id}/rebaselines/{requestId}/{decision}")
    String decide(
            @PathVariable long id,
            @PathVariable long requestId,
            @PathVariable String decision,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "tasks.rebaseline.decided",
                () -> tasks.decideRebaseline(Actor.require(), id, requestId, "approve".equals(decision)));
    }

    /** Runs a change; a refusal comes back to the task page as a readable message (with its HTTP reason). */
    private String act(long id, RedirectAttributes redirect, String okKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", text(okKey));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", describe(e));
            redirect.addFlashAttribute("errorStatus", e.status().value());
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/import")
    String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        Actor actor = Actor.require();
        try (InputStream in = file.getInputStream()) {
            List<Task> created = tasks.importTasks(actor, sheets.parse(in, file.getOriginalFilename(), null));
            redirect.addFlashAttribute("notice", text("tasks.import.done", created.size()));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:/tasks";
    }

    @GetMapping("/tasks/legal")
    String legal(
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String orgUnit,
            Model model) {
        Actor.require();
        // At national scale a stage holds tens of thousands of documents: one pass over them (one statement)
        // counts them all and keeps the most urgent of each stage (earliest deadline); the task list pages
        // through the rest.
        Comparator<Task> urgency = Comparator.comparing(Task::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Task::id);
        Map<LegalStage, java.util.PriorityQueue<Task>> urgent = new EnumMap<>(LegalStage.class);
        Map<LegalStage, Long> counts = new EnumMap<>(LegalStage.class);
        for (LegalStage s : LegalStage.values()) {
            urgent.put(s, new java.util.PriorityQueue<>(urgency.reversed()));
            counts.put(s, 0L);
        }
        Map<String, Long> late = new java.util.HashMap<>();
        TaskFilter legal = new TaskFilter(resolution, null, orgUnit, null, null, null, TaskKind.LEGAL_DOCUMENT, null);
        tasks.forEach(legal, Integer.MAX_VALUE, t -> {
            if (t.status() == TaskStatus.OVERDUE || t.status() == TaskStatus.DONE_LATE) {
                late.merge(t.leadUnit(), 1L, Long::sum);
            }
            if (t.status() == TaskStatus.CANCELLED || t.status() == TaskStatus.DRAFT) {
                return;
            }
            LegalStage stage = t.legalStage() == null ? LegalStage.DRAFTING : t.legalStage();
            counts.merge(stage, 1L, Long::sum);
            java.util.PriorityQueue<Task> column = urgent.get(stage);
            column.add(t);
            if (column.size() > LEGAL_COLUMN_ROWS) {
                column.poll();
            }
        });
        Map<LegalStage, List<Task>> columns = new EnumMap<>(LegalStage.class);
        urgent.forEach((stage, column) -> {
            List<Task> rows = new ArrayList<>(column);
            rows.sort(urgency);
            columns.put(stage, rows);
        });
        Map<String, Long> lateByUnit = new LinkedHashMap<>();
        late.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(LEGAL_LATE_ROWS)
                .forEach(e -> lateByUnit.put(e.getKey(), e.getValue()));
        model.addAttribute("columns", columns);
        model.addAttribute("counts", counts);
        model.addAttribute("lateByUnit", lateByUnit);
        model.addAttribute("lateUnits", late.size());
        model.addAttribute("listQuery", query(legalListParams(resolution, orgUnit)));
        model.addAttribute("today", tasks.today());
        model.addAttribute("guidingDeadline", LocalDate.of(2026, 3, 31));
        model.addAttribute("resolutions", resolutions.all());
        model.addAttribute("resolution", resolution);
        model.addAttribute("orgUnit", orgUnit);
        return LEGAL_VIEW;
    }

    private static Map<String, String> legalListParams(String resolution, String orgUnit) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("kind", TaskKind.LEGAL_DOCUMENT.name());
        if (resolution != null && !resolution.isBlank()) {
            params.put("resolution", resolution);
        }
        if (orgUnit != null && !orgUnit.isBlank()) {
            params.put("orgUnit", orgUnit);
        }
        return params;
    }

    private String describe(ProblemException e) {
        StringBuilder text = new StringBuilder(text(e.messageKey(), e.args()));
        e.fieldProblems()
                .forEach(p -> text.append(" — ").append(p.field()).append(": ").append(text(p.messageKey(), p.args())));
        return text.toString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
