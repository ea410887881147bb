package org.mandate.indicators.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.DataValueManagement.SaveResult;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Data values over HTTP: {@code /api/v1/data-values} takes a batch as our JSON array, a DHIS2
 * {@code dataValueSets} JSON, CSV or XLSX (by Content-Type or as a multipart {@code file}); DHIS2 clients may
 * also post to {@code /api/v1/dataValueSets}. Only {@code idScheme=CODE} is supported.
 */
@RestController
class DataValueApi {

    private final DataValueManagement values;

    DataValueApi(DataValueManagement values) {
        this.values = values;
    }

    @GetMapping("/api/v1/data-values")
    PageResult<DataValue> list(
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "false") boolean approvedOnly,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return values.list(
                Actor.require(), blank(indicator), blank(orgUnit), blank(period), approvedOnly, Paging.of(page, size));
    }

    @PostMapping(
            path = {"/api/v1/data-values", "/api/v1/dataValueSets"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    SaveResult postJson(InputStream body, @RequestParam Map<String, String> params) {
        // Read by the service after the role check: a body is never parsed for an account that may not write.
        checkIdScheme(params);
        return values.saveJson(Actor.require(), body);
    }

    @PostMapping(
            path = {"/api/v1/data-values", "/api/v1/dataValueSets"},
            consumes = {
                "text/csv",
                "application/csv",
                "text/plain",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            })
    SaveResult postFile(
            InputStream body,
            @RequestHeader("Content-Type") String contentType,
            @RequestParam Map<String, String> params) {
        // Streamed: the request guard bounds its size, the reader its rows; never read whole into memory.
        checkIdScheme(params);
        return values.importFile(Actor.require(), contentType, null, body);
    }

    @PostMapping(
            path = {"/api/v1/data-values", "/api/v1/dataValueSets"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SaveResult postMultipart(@RequestParam("file") MultipartFile file, @RequestParam Map<String, String> params)
            throws IOException {
        checkIdScheme(params);
        try (InputStream in = file.getInputStream()) {
            return values.importFile(Actor.require(), file.getContentType(), file.getOriginalFilename(), in);
        }
    }

    private static void checkIdScheme(Map<String, String> params) {
        for (String name : new String[] {"idScheme", "dataElementIdScheme", "orgUnitIdScheme"}) {
            String v = params.get(name);
            if (v != null && !v.equalsIgnoreCase("CODE")) {
                throw new InvalidInputException(name, "error.indicators.idScheme", v);
            }
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
