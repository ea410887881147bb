package org.mandate.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.Resolution;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Paging;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers everything public at one instant into one tree of plain maps and lists: the content that is
 * frozen, digested and rendered. Only public data goes in: no drafts, no unapproved values, no comments
 * awaiting moderation.
 */
@Component
class PublicSnapshot {

    static final int SCHEMA = 1;

    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final boolean sample;

    PublicSnapshot(
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            @Value("${mandate.demo:false}") boolean sample) {
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.sample = sample;
    }

    Map<String, Object> build(PublicationKind kind, String period, Instant at) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("kind", kind.name());
        root.put("period", period);
        root.put("publishedAt", at.toString());
        root.put("sampleData", sample);
        root.put("orgUnits", orgUnits());
        root.put("resolutions", resolutions());
        return root;
    }

    private List<Map<String, Object>> orgUnits() {
        List<Map<String, Object>> rows = new ArrayList<>();
        int page = 0;
        while (true) {
            var batch = orgUnits.list(null, null, null, Paging.of(page, Paging.MAX_SIZE));
            for (OrgUnit u : batch.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", u.code());
                row.put("names", u.names());
                row.put("level", u.level().name());
                row.put("parent", u.parent());
                row.put("leader", u.leader());
                rows.add(row);
            }
            if ((long) (page + 1) * Paging.MAX_SIZE >= batch.total()) {
                return rows;
            }
            page++;
        }
    }

    private List<Map<String, Object>> resolutions() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Resolution r : resolutions.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slug", r.slug());
            row.put("number", r.number());
            row.put("titles", r.titles());
            row.put("summary", r.summary());
            row.put("issuedOn", r.issuedOn() == null ? null : r.issuedOn().toString());
            row.put("issuer", r.issuer());
            row.put("goals", r.goals());
            row.put("solutionGroups", r.solutionGroups());
            rows.add(row);
        }
        return rows;
    }

    static boolean isProvinceOrMinistry(String level) {
        return OrgLevel.PROVINCE.name().equals(level)
                || OrgLevel.MINISTRY.name().equals(level);
    }
}
