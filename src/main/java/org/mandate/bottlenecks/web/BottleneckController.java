package org.mandate.bottlenecks.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mandate.bottlenecks.Bottleneck;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.bottlenecks.BottleneckManagement.BoardRow;
import org.mandate.bottlenecks.BottleneckManagement.NewBottleneck;
import org.mandate.bottlenecks.BottleneckType;
import org.mandate.bottlenecks.Severity;
import org.mandate.discussion.Discussion;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.shared.ProblemException;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.TaskCounts;
import org.mandate.tasks.TaskManagement.TaskFilter;
import org.mandate.tasks.TaskManagement.TaskScorecardInputs;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: the bottleneck board, a bottleneck's page, the raise form, a unit's accountability page. */
@Controller
class BottleneckController {

    static final String BOARD_VIEW = "bottlenecks/board";
    static final String BOTTLENECK_VIEW = "bottlenecks/bottleneck";
    static final String FORM_VIEW = "bottlenecks/form";
    static final String ACCOUNTABILITY_VIEW = "bottlenecks/accountability";

    private final BottleneckManagement bottlenecks;
    private final TaskManagement tasks;
    private final OrgUnitManagement orgUnits;
    private final MessageSource messages;

    BottleneckController(
            BottleneckManagement bottlenecks,
            TaskManagement tasks,
            OrgUnitManagement orgUnits,
            MessageSource messages,
            Discussion discussion) {
        this.bottlenecks = bottlenecks;
        this.tasks = tasks;
        this.orgUnits = orgUnits;
        this.messages = messages;
        this.discussion = discussion;
    }

    private final Discussion discussion;

    @GetMapping("/bottlenecks")
    String board(@RequestParam(required = false) String orgUnit, Model model) {
        Actor.require();
        List<BoardRow> board = bottlenecks.board(orgUnit);
        model.addAttribute("board", board);
        model.addAttribute("byOwner", bottlenecks.openByOwner(board));
        model.addAttribute("byType", bottlenecks.openByType(null, orgUnit));
        model.addAttribute("orgUnit", orgUnit);
        model.addAttribute(
                "resolved", bottlenecks.list(Bottleneck.RESOLVED, null, orgUnit, null, null, Paging.of(0, 20)));
        return BOARD_VIEW;
    }

    @GetMapping("/bottlenecks/new")
    String newBottleneck(@RequestParam(required = false) Long task, Model model) {
        Actor actor = Actor.require();
        Task t = task == null ? null : tasks.get(task);
        model.addAttribute("task", t);
        model.addAttribute(
                "values",
                Map.of(
                        "raisedBy", t != null ? t.leadUnit() : (actor.scopeUnit() == null ? "" : actor.scopeUnit()),
                        "blockedTasks", t != null ? String.valueOf(t.id()) : ""));
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("types", BottleneckType.values());
        model.addAttribute("severities", Severity.values());
        return FORM_VIEW;
    }

    @PostMapping("/bottlenecks")
    String raise(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.require();
        try {
            List<FieldProblem> problems = new ArrayList<>();
            List<Long> blocked = new ArrayList<>();
            String ids = params.getOrDefault("blockedTasks", "");
            for (String s : ids.split("[;,\\s]+")) {
                if (!s.isBlank()) {
                    try {
                        blocked.add(Long.parseLong(s.trim()));
                    } catch (NumberFormatException e) {
                        problems.add(new FieldProblem("blockedTasks", "error.badValue", s));
                    }
                }
            }
            BottleneckType type = parse(BottleneckType.class, params.get("type"), "type", problems);
            Severity severity = parse(Severity.class, params.get("severity"), "severity", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Bottleneck b = bottlenecks.raise(
                    actor,
                    new NewBottleneck(
                            params.get("title"),
                            blankToNull(params.get("description")),
                            type,
                            severity,
                            params.get("raisedBy"),
                            blankToNull(params.get("owner")),
                            null,
                            blocked));
            redirect.addFlashAttribute("notice", text("bottlenecks.raised"));
            return "redirect:/bottlenecks/" + b.id();
        } catch (ProblemException e) {
            model.addAttribute("error", describe(e));
            model.addAttribute("values", params);
            model.addAttribute("task", null);
            return form(model);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v, String field, List<FieldProblem> problems) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "error.badValue", v));
            return null;
        }
    }

    @GetMapping("/bottlenecks/{id}")
    String bottleneck(@PathVariable long id, Model model) {
        Actor actor = Actor.require();
        Bottleneck b = bottlenecks.get(id);
        LocalDate today = bottlenecks.today();
        model.addAttribute("b", b);
        model.addAttribute("age", b.ageDays(today));
        model.addAttribute("history", bottlenecks.history(id));
        List<Task> blocked = b.blockedTasks().stream()
                .map(tasks::find)
                .flatMap(java.util.Optional::stream)
                .toList();
        model.addAttribute("blocked", blocked);
        model.addAttribute(
                "money",
                blocked.stream()
                        .mapToLong(t -> t.budgetPlanned() - t.budgetDisbursed())
                        .sum());
        model.addAttribute("mayAct", bottlenecks.mayAct(actor, b));
        model.addAttribute("comments", discussion.comments(actor, "bottleneck:" + id));
        model.addAttribute("attachments", discussion.attachments(actor, "bottleneck:" + id));
        model.addAttribute("maxFileMb", discussion.maxFileSize() / (1024 * 1024));
        model.addAttribute("mayResolve", orgUnits.covers(actor, b.owner()) && tasks.mayWrite(actor, b.owner()));
        return BOTTLENECK_VIEW;
    }

    @PostMapping("/bottlenecks/{id}/escalate")
    String escalate(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "bottlenecks.escalated",
                () -> bottlenecks.escalate(Actor.require(), id, blankToNull(note), null));
    }

    @PostMapping("/bottlenecks/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "bottlenecks.resolved", () -> bottlenecks.resolve(Actor.require(), id, note, null));
    }

    private String act(long id, RedirectAttributes redirect, String okKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", text(okKey));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:/bottlenecks/" + id;
    }

    /** The accountability page of a unit: its numbers and its subtree's. */
    @GetMapping("/org-units/{code}/accountability")
    String accountability(@PathVariable String code, Model model) {
        Actor.require();
        OrgUnit unit = orgUnits.get(code);
        LocalDate today = tasks.today();
        LocalDate from = LocalDate.of(2000, 1, 1);
        TaskCounts own = tasks.countsOfUnit(code);
        TaskCounts subtree = tasks.counts(null, code);
        TaskScorecardInputs ownCard = tasks.scorecardInputs(code, from, today, true);
        TaskScorecardInputs subtreeCard = tasks.scorecardInputs(code, from, today, false);
        PageResult<Task> overdue =
                tasks.list(new TaskFilter(null, null, code, null, true, null, null, null), Paging.of(0, 100));
        model.addAttribute("unit", unit);
        model.addAttribute("today", today);
        model.addAttribute("own", own);
        model.addAttribute("subtree", subtree);
        model.addAttribute("ownCard", ownCard);
        model.addAttribute("subtreeCard", subtreeCard);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", org.mandate.tasks.TaskStatus.values());
        model.addAttribute("owned", bottlenecks.list(Bottleneck.OPEN, null, code, null, null, Paging.of(0, 100)));
        model.addAttribute("median", bottlenecks.medianResolutionDays(code, from, today));
        model.addAttribute("staleDays", tasks.staleDays());
        model.addAttribute("ownStale", tasks.countStale(code, true));
        model.addAttribute("subtreeStale", tasks.countStale(code, false));
        return ACCOUNTABILITY_VIEW;
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
