package org.mandate.tasks.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.mandate.tasks.Rebaseline;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskKind;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.NewTask;
import org.mandate.tasks.TaskManagement.ProgressReport;
import org.mandate.tasks.TaskManagement.RebaselineRequest;
import org.mandate.tasks.TaskManagement.TaskCounts;
import org.mandate.tasks.TaskManagement.TaskFilter;
import org.mandate.tasks.TaskStatus;
import org.mandate.tasks.TaskUpdate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tasks over HTTP: {@code /api/v1/tasks}, their updates, re-baselines, import and export. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApi {

    private final TaskManagement tasks;
    private final TaskSpreadsheets sheets;

    TaskApi(TaskManagement tasks, TaskSpreadsheets sheets) {
        this.tasks = tasks;
        this.sheets = sheets;
    }

    record UpdateRequest(Integer progress, TaskStatus status, String note, String evidenceUrl, Long version) {}

    record RebaselineBody(LocalDate deadline, String expectedResult, String reason) {}

    record ImportResult(int created, List<Long> ids) {}

    @GetMapping
    PageResult<TaskJson> list(
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String solutionGroup,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) TaskStatus status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) TaskKind kind,
            @RequestParam(required = false) Long parent,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor reader = Actor.require();
        LocalDate today = tasks.today();
        return tasks.list(
                        reader,
                        new TaskFilter(resolution, solutionGroup, orgUnit, status, overdue, dueBefore, kind, parent),
                        Paging.of(page, size))
                .map(t -> TaskJson.of(t, today));
    }

    @GetMapping("/counts")
    TaskCounts counts(
            @RequestParam(required = false) String resolution, @RequestParam(required = false) String orgUnit) {
        Actor.require();
        return tasks.counts(resolution, orgUnit);
    }

    @PostMapping
    ResponseEntity<TaskJson> create(@RequestBody TaskRequest body) {
        Task created = tasks.create(Actor.require(), body.toNew());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id()))
                .body(TaskJson.of(created, tasks.today()));
    }

    @GetMapping("/{id}")
    TaskJson get(@PathVariable long id) {
        return TaskJson.of(tasks.get(Actor.require(), id), tasks.today());
    }

    @PatchMapping("/{id}")
    TaskJson update(@PathVariable long id, @RequestBody TaskRequest body) {
        if (body.resolution() != null && !body.resolution().equals(tasks.get(id).resolution())) {
            throw new InvalidInputException("resolution", "error.immutable");
        }
        if (body.parent() != null && !body.parent().equals(tasks.get(id).parent())) {
            throw new InvalidInputException("parent", "error.immutable");
        }
        return TaskJson.of(tasks.update(Actor.require(), id, body.toChanges()), tasks.today());
    }

    @GetMapping("/{id}/updates")
    List<TaskUpdate> updates(@PathVariable long id) {
        tasks.get(Actor.require(), id);
        return tasks.updates(id);
    }

    @PostMapping("/{id}/updates")
    ResponseEntity<TaskJson> report(@PathVariable long id, @RequestBody UpdateRequest body) {
        Task t = tasks.report(
                Actor.require(),
                id,
                new ProgressReport(body.progress(), body.status(), body.note(), body.evidenceUrl(), body.version()));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/updates"))
                .body(TaskJson.of(t, tasks.today()));
    }

    @GetMapping("/{id}/rebaselines")
    List<Rebaseline> rebaselines(@PathVariable long id) {
        tasks.get(Actor.require(), id);
        return tasks.rebaselines(id);
    }

    @PostMapping("/{id}/rebaselines")
    ResponseEntity<Rebaseline> requestRebaseline(@PathVariable long id, @RequestBody RebaselineBody body) {
        Rebaseline r = tasks.requestRebaseline(
                Actor.require(), id, new RebaselineRequest(body.deadline(), body.expectedResult(), body.reason()));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/rebaselines"))
                .body(r);
    }

    @PostMapping("/{id}/rebaselines/{requestId}/approve")
    TaskJson approve(@PathVariable long id, @PathVariable long requestId) {
        return TaskJson.of(tasks.decideRebaseline(Actor.require(), id, requestId, true), tasks.today());
    }

    @PostMapping("/{id}/rebaselines/{requestId}/reject")
    TaskJson reject(@PathVariable long id, @PathVariable long requestId) {
        return TaskJson.of(tasks.decideRebaseline(Actor.require(), id, requestId, false), tasks.today());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imported(sheets.parse(in, file.getOriginalFilename(), file.getContentType()));
        }
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/csv", TaskSpreadsheets.XLSX, "application/octet-stream"})
    ResponseEntity<ImportResult> importBody(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return imported(sheets.parse(body, null, contentType));
    }

    private ResponseEntity<ImportResult> imported(List<NewTask> rows) {
        List<Task> created = tasks.importTasks(Actor.require(), rows);
        List<Long> ids = new ArrayList<>();
        created.forEach(t -> ids.add(t.id()));
        return ResponseEntity.status(201).body(new ImportResult(ids.size(), ids));
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> exportCsv(@RequestParam Map<String, String> params) {
        Actor reader = Actor.require();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.writeCsv(TaskSpreadsheets.all(tasks, reader, TaskSpreadsheets.filter(params)), out);
        return file(out.toByteArray(), "text/csv; charset=UTF-8", "tasks.csv");
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@RequestParam Map<String, String> params) {
        Actor reader = Actor.require();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.writeXlsx(TaskSpreadsheets.all(tasks, reader, TaskSpreadsheets.filter(params)), out);
        return file(out.toByteArray(), TaskSpreadsheets.XLSX, "tasks.xlsx");
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String type, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type))
                .body(bytes);
    }
}
