package org.mandate.tasks.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.ProblemException.FieldProblem;
import org.mandate.shared.SpreadsheetText;
import org.mandate.tasks.LegalStage;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskKind;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.NewTask;
import org.mandate.tasks.TaskManagement.TaskFilter;
import org.mandate.tasks.TaskStatus;
import org.springframework.stereotype.Component;

/**
 * Reads tasks from CSV or XLSX (header row with the API field names; rows numbered as in the
 * spreadsheet, header = row 1) and writes task lists to both formats.
 */
@Component
class TaskSpreadsheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = 10_000;
    static final int MAX_EXPORT = 100_000;

    static final List<String> IMPORT_COLUMNS = List.of(
            "title",
            "description",
            "resolution",
            "solutionGroup",
            "leadUnit",
            "coordinatingUnits",
            "responsiblePerson",
            "approver",
            "startOn",
            "deadline",
            "expectedResult",
            "kind",
            "budgetPlanned",
            "budgetAllocated",
            "budgetDisbursed",
            "parent",
            "status",
            "weight",
            "legalStage");

    static final List<String> EXPORT_COLUMNS = List.of(
            "id",
            "title",
            "description",
            "resolution",
            "solutionGroup",
            "leadUnit",
            "coordinatingUnits",
            "responsiblePerson",
            "approver",
            "startOn",
            "deadline",
            "expectedResult",
            "kind",
            "budgetPlanned",
            "budgetAllocated",
            "budgetDisbursed",
            "parent",
            "status",
            "progress",
            "blocked",
            "stale",
            "legalStage",
            "version");

    List<NewTask> parse(InputStream in, String filename, String contentType) {
        try {
            // Streamed, never read whole: the request guard bounds the size, the readers the rows.
            java.io.PushbackInputStream body = new java.io.PushbackInputStream(in, 3);
            byte[] head = body.readNBytes(3);
            boolean zip = head.length > 2 && head[0] == 'P' && head[1] == 'K';
            boolean bom = head.length == 3
                    && (head[0] & 0xff) == 0xef
                    && (head[1] & 0xff) == 0xbb
                    && (head[2] & 0xff) == 0xbf;
            if (!bom) {
                body.unread(head);
            }
            List<Map<String, String>> rows = zip ? readXlsx(body) : readCsv(body);
            return toCommands(rows);
        } catch (IOException e) {
            throw new InvalidInputException("file", "error.tasks.import.unreadable");
        }
    }

    private static List<Map<String, String>> readCsv(InputStream bytes) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new java.io.InputStreamReader(bytes, StandardCharsets.UTF_8))) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord r : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidInputException("file", "error.tasks.import.tooMany", MAX_ROWS);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String h : parser.getHeaderNames()) {
                    row.put(h, r.isSet(h) ? r.get(h) : "");
                }
                rows.add(row);
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("file", "error.tasks.import.unreadable");
        }
        return rows;
    }

    private static List<Map<String, String>> readXlsx(InputStream bytes) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(bytes)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new InvalidInputException("file", "error.tasks.import.empty");
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                names.add(text(header.getCell(c)));
            }
            checkHeader(names);
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> values = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < names.size(); c++) {
                    String v = row == null ? "" : text(row.getCell(c));
                    any |= !v.isBlank();
                    values.put(names.get(c), v);
                }
                if (any) {
                    if (rows.size() >= MAX_ROWS) {
                        throw new InvalidInputException("file", "error.tasks.import.tooMany", MAX_ROWS);
                    }
                    rows.add(values);
                }
            }
        } catch (org.mandate.shared.ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // Not a workbook, or one that expands beyond the limits (a zip bomb): POI says so at open or read.
            throw new InvalidInputException("file", "error.tasks.import.unreadable");
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : (cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
                                ? String.valueOf((long) cell.getNumericCellValue())
                                : String.valueOf(cell.getNumericCellValue()));
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue().trim();
            default -> "";
        };
    }

    private static void checkHeader(List<String> names) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String n : names) {
            if (!n.isBlank() && !IMPORT_COLUMNS.contains(n) && !EXPORT_COLUMNS.contains(n)) {
                problems.add(new FieldProblem("row 1: " + n, "error.tasks.import.unknownColumn"));
            }
        }
        for (String required : List.of("title", "leadUnit")) {
            if (!names.contains(required)) {
                problems.add(new FieldProblem("row 1: " + required, "error.tasks.import.missingColumn"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static List<NewTask> toCommands(List<Map<String, String>> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        List<NewTask> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FormValues c = new FormValues(rows.get(i), "row " + (i + 2) + ": ", problems);
            out.add(new NewTask(
                    c.text("title"),
                    c.text("description"),
                    c.text("resolution"),
                    c.text("solutionGroup"),
                    c.text("leadUnit"),
                    c.list("coordinatingUnits") == null ? List.of() : c.list("coordinatingUnits"),
                    c.text("responsiblePerson"),
                    c.text("approver"),
                    c.date("startOn"),
                    c.date("deadline"),
                    c.text("expectedResult"),
                    c.enumValue("kind", TaskKind.class),
                    c.number("budgetPlanned"),
                    c.number("budgetAllocated"),
                    c.number("budgetDisbursed"),
                    c.number("parent"),
                    c.enumValue("status", TaskStatus.class),
                    c.number("weight") == null ? null : c.number("weight").intValue(),
                    c.enumValue("legalStage", LegalStage.class),
                    null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    // ---------------------------------------------------------------- export

    static TaskFilter filter(Map<String, String> p) {
        List<FieldProblem> problems = new ArrayList<>();
        FormValues c = new FormValues(p, "", problems);
        TaskFilter f = new TaskFilter(
                c.text("resolution"),
                c.text("solutionGroup"),
                c.text("orgUnit"),
                c.enumValue("status", TaskStatus.class),
                "true".equalsIgnoreCase(p.get("overdue")) ? Boolean.TRUE : null,
                c.date("dueBefore"),
                c.enumValue("kind", TaskKind.class),
                c.number("parent"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return f;
    }

    /** The tasks of a filter for export, in id order, from one statement (pages of OFFSET grow quadratic). */
    static List<Task> all(TaskManagement tasks, Actor reader, TaskFilter filter) {
        List<Task> out = new ArrayList<>();
        tasks.forEach(reader, filter, MAX_EXPORT, out::add);
        return out;
    }

    private static List<Object> values(Task t) {
        return Arrays.asList(
                t.id(),
                t.title(),
                t.description(),
                t.resolution(),
                t.solutionGroup(),
                t.leadUnit(),
                String.join(";", t.coordinatingUnits()),
                t.responsiblePerson(),
                t.approver(),
                t.startOn(),
                t.deadline(),
                t.expectedResult(),
                t.kind(),
                t.budgetPlanned(),
                t.budgetAllocated(),
                t.budgetDisbursed(),
                t.parent(),
                t.status(),
                t.progress(),
                t.blocked(),
                t.stale(),
                t.legalStage(),
                t.version());
    }

    void writeCsv(List<Task> tasks, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
            printer.printRecord(EXPORT_COLUMNS);
            for (Task t : tasks) {
                printer.printRecord(values(t).stream()
                        .map(v -> v == null ? "" : SpreadsheetText.cell(v))
                        .toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void writeXlsx(List<Task> tasks, OutputStream out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("tasks");
            Row header = sheet.createRow(0);
            for (int i = 0; i < EXPORT_COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(EXPORT_COLUMNS.get(i));
            }
            int r = 1;
            for (Task t : tasks) {
                Row row = sheet.createRow(r++);
                List<Object> vals = values(t);
                for (int i = 0; i < vals.size(); i++) {
                    Object v = vals.get(i);
                    Cell cell = row.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        cell.setCellValue(SpreadsheetText.neutralise(String.valueOf(v)));
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
