package org.mandate.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mandate.indicators.DataValueManagement.Entry;
import org.mandate.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads batches of values as they arrive: our JSON array {@code [{indicator, orgUnit, period, value,
 * comment}]}, DHIS2 {@code dataValueSets} JSON ({@code {"dataValues":[{dataElement, period, orgUnit,
 * value, comment}]}}) and CSV as DHIS2 writes it (header {@code dataelement,period,orgunit,...} or none,
 * columns in DHIS2's order), our CSV ({@code indicator,orgUnit,period,value,comment}) and XLSX with the same
 * header. Data elements and org units are matched by code, as DHIS2's {@code idScheme=CODE} does.
 */
@Component
class DataValueFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** DHIS2's CSV column order when the file has no header. */
    private static final List<String> DHIS2_COLUMNS = List.of(
            "dataelement",
            "period",
            "orgunit",
            "categoryoptioncombo",
            "attributeoptioncombo",
            "value",
            "storedby",
            "lastupdated",
            "comment",
            "followup");

    private final JsonMapper json;

    DataValueFiles(JsonMapper json) {
        this.json = json;
    }

    /**
     * Reads a batch from a stream without holding the raw bytes: CSV row by row, stopping at the row limit
     * ({@code maxRows} entries); the body's size limit is the stream's (see the request guard).
     */
    List<Entry> read(String contentType, String filename, InputStream in, int maxRows) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (type.contains("json") || name.endsWith(".json")) {
            return json(in);
        }
        if (type.contains("spreadsheetml") || name.endsWith(".xlsx")) {
            return xlsx(in, maxRows);
        }
        if (type.contains("csv") || type.startsWith("text/plain") || name.endsWith(".csv")) {
            return csv(in, maxRows);
        }
        throw new InvalidInputException("file", "error.indicators.fileType", contentType == null ? name : contentType);
    }

    List<Entry> json(InputStream in) {
        JsonNode root;
        try {
            // Decimals read exactly (never through a double): 1234567890123.4567 stays what was sent.
            root = json.reader()
                    .with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(in);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "error.unreadable");
        }
        return json(root);
    }

    List<Entry> json(JsonNode root) {
        List<Entry> entries = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (int n = 0; n < root.size(); n++) {
                JsonNode r = root.get(n);
                entries.add(new Entry(
                        "[" + n + "]",
                        text(r, "indicator"),
                        text(r, "orgUnit"),
                        text(r, "period"),
                        text(r, "value"),
                        text(r, "comment")));
            }
            return entries;
        }
        if (root != null && root.path("dataValues").isArray()) {
            JsonNode list = root.path("dataValues");
            String defaultPeriod = text(root, "period");
            String defaultUnit = text(root, "orgUnit");
            for (int n = 0; n < list.size(); n++) {
                JsonNode r = list.get(n);
                String period = text(r, "period");
                String unit = text(r, "orgUnit");
                entries.add(new Entry(
                        "dataValues[" + n + "]",
                        text(r, "dataElement"),
                        unit != null ? unit : defaultUnit,
                        period != null ? period : defaultPeriod,
                        text(r, "value"),
                        text(r, "comment")));
            }
            return entries;
        }
        throw new InvalidInputException("body", "error.indicators.jsonShape");
    }

    List<Entry> csv(InputStream bytes, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = new InputStreamReader(withoutBom(bytes), StandardCharsets.UTF_8)) {
            for (CSVRecord r :
                    CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(in)) {
                // The header and one row more than allowed: enough to say "too many" without reading on.
                if (rows.size() > maxRows) {
                    throw new InvalidInputException("body", "error.indicators.batchTooLarge", maxRows);
                }
                List<String> cells = new ArrayList<>();
                r.forEach(cells::add);
                rows.add(cells);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "error.unreadable");
        }
        return table(rows);
    }

    List<Entry> xlsx(InputStream bytes, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook book = new XSSFWorkbook(bytes)) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                if (rows.size() > maxRows) {
                    throw new InvalidInputException("body", "error.indicators.batchTooLarge", maxRows);
                }
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null) {
                            cells.add("");
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            cells.add(java.math.BigDecimal.valueOf(cell.getNumericCellValue())
                                    .stripTrailingZeros()
                                    .toPlainString());
                        } else {
                            cells.add(format.formatCellValue(cell));
                        }
                    }
                }
                rows.add(cells);
            }
        } catch (org.mandate.shared.ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "error.unreadable");
        }
        return table(rows);
    }

    /** Rows with a header (ours or DHIS2's) or DHIS2's header-less order; refs are 1-based line numbers. */
    private static List<Entry> table(List<List<String>> rows) {
        Map<String, Integer> columns = new HashMap<>();
        int first = 0;
        if (!rows.isEmpty()) {
            List<String> header = rows.get(0);
            for (int c = 0; c < header.size(); c++) {
                columns.put(header.get(c).trim().toLowerCase(Locale.ROOT).replace("_", ""), c);
            }
            if ((columns.containsKey("indicator") || columns.containsKey("dataelement"))
                    && columns.containsKey("value")) {
                first = 1;
            } else {
                columns.clear();
                for (int c = 0; c < DHIS2_COLUMNS.size(); c++) {
                    columns.put(DHIS2_COLUMNS.get(c), c);
                }
            }
        }
        Integer indicator = columns.containsKey("indicator") ? columns.get("indicator") : columns.get("dataelement");
        List<Entry> entries = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(s -> s == null || s.isBlank())) {
                continue;
            }
            entries.add(new Entry(
                    "row " + (r + 1),
                    cell(row, indicator),
                    cell(row, columns.get("orgunit")),
                    cell(row, columns.get("period")),
                    cell(row, columns.get("value")),
                    cell(row, columns.get("comment"))));
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("file", "error.indicators.emptyBatch");
        }
        return entries;
    }

    private static String cell(List<String> row, Integer column) {
        if (column == null || column >= row.size()) {
            return null;
        }
        String s = row.get(column);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            // As the number was written, so that a JSON number and a JSON string go through the same check.
            return v.isIntegralNumber()
                    ? v.bigIntegerValue().toString()
                    : v.decimalValue().toString();
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        boolean bom =
                head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
        if (!bom) {
            p.unread(head);
        }
        return p;
    }
}
