package org.mandate.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mandate.Api;
import org.mandate.MandateIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The open data as a re-user downloads it: the dictionary names exactly the JSON's fields and the CSVs'
 * columns, and a column is filled wherever the task has the value.
 */
@MandateIntegrationTest
class OpenDataIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublicationManagement publications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDictionaryDescribesWhatTheFilesHold() throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.now());
        Api anyone = Api.anonymous(port);
        String base = "/api/v1/public/publications/" + p.id() + "/files/";
        JsonNode json = anyone.get(base + "publication.json").json();
        List<String> fields = new ArrayList<>();
        json.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(OpenData.JSON_FIELDS.keySet());

        String dictionary = anyone.get(base + "data-dictionary.md").body();
        for (String field : fields) {
            assertThat(dictionary).contains("| " + field + " |");
        }
        for (OpenData.Table t : OpenData.TABLES) {
            String csv = anyone.get(base + t.file()).body();
            List<String> header = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .get()
                    .parse(new StringReader(csv))
                    .getHeaderNames();
            assertThat(header).as(t.file()).isNotEmpty();
            for (String column : header) {
                assertThat(dictionary).as(t.file() + " " + column).contains("| " + column + " |");
            }
        }
    }

    @Test
    void everyTaskColumnIsFilledWhereTheTaskHasTheValue() throws Exception {
        Publication p = publications.publish(PublicationKind.MANUAL, java.time.LocalDate.now());
        String csv = Api.anonymous(port)
                .get("/api/v1/public/publications/" + p.id() + "/files/tasks.csv")
                .body();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(rows).isNotEmpty();
        // The stored task, read straight from its table, against the row in the file.
        int compared = 0;
        for (CSVRecord row : rows.subList(0, Math.min(rows.size(), 200))) {
            Map<String, Object> t = jdbc.sql(
                            "select parent_id, start_on, budget_planned, budget_allocated, budget_disbursed from task where id = :id")
                    .param("id", Long.parseLong(row.get("id")))
                    .query()
                    .singleRow();
            assertThat(row.get("parent"))
                    .isEqualTo(
                            t.get("parent_id") == null ? "" : t.get("parent_id").toString());
            assertThat(row.get("start_on"))
                    .isEqualTo(
                            t.get("start_on") == null ? "" : t.get("start_on").toString());
            assertThat(Long.parseLong(row.get("budget_planned")))
                    .isEqualTo(((Number) t.get("budget_planned")).longValue());
            assertThat(Long.parseLong(row.get("budget_allocated")))
                    .isEqualTo(((Number) t.get("budget_allocated")).longValue());
            assertThat(Long.parseLong(row.get("budget_disbursed")))
                    .isEqualTo(((Number) t.get("budget_disbursed")).longValue());
            compared++;
        }
        assertThat(compared).isPositive();
        assertThat(rows.stream().filter(r -> !r.get("parent").isEmpty())).isNotEmpty();
        assertThat(rows.stream().filter(r -> !r.get("start_on").isEmpty())).isNotEmpty();
        assertThat(rows.stream().filter(r -> !r.get("budget_planned").equals("0")))
                .isNotEmpty();
    }
}
