package org.mandate.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.orgunits.OrgUnitManagement.NewOrgUnit;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.resolutions.ResolutionManagement.NewGoal;
import org.mandate.resolutions.ResolutionManagement.NewResolution;
import org.mandate.resolutions.ResolutionManagement.NewSolutionGroup;
import org.mandate.shared.Actor;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the organisation tree, the five resolutions and the demo accounts of shared/API.md (password
 * {@code demo}) once, on an empty database. Later demo loaders (tasks, indicators...) run after it.
 */
@Component
@Profile("demo")
@Order(10)
class DemoCatalogue implements ApplicationRunner {

    static final Actor LOADER = new Actor("demo-loader", Role.ADMIN, null);
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final AccountManagement accounts;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    DemoCatalogue(
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            AccountManagement accounts,
            JsonMapper json,
            TransactionTemplate tx) {
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.accounts = accounts;
        this.json = json;
        this.tx = tx;
    }

    record ResolutionSeed(
            String slug,
            String number,
            LocalDate issuedOn,
            String issuer,
            LocalizedText titles,
            LocalizedText summary,
            List<NewGoal> goals,
            List<NewSolutionGroup> solutionGroups) {}

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (orgUnits.find("TW").isPresent()) {
            return;
        }
        log.info("Loading the demo catalogue: organisation tree, resolutions, demo accounts");
        tx.executeWithoutResult(status -> {
            try {
                loadOrgUnits();
                loadResolutions();
            } catch (IOException e) {
                throw new IllegalStateException("Demo data unreadable", e);
            }
            loadAccounts();
        });
    }

    private void loadOrgUnits() throws IOException {
        try (Reader in = reader("demo/org-units.csv")) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                orgUnits.create(
                        LOADER,
                        new NewOrgUnit(
                                r.get("code"),
                                new LocalizedText(
                                        r.get("name_vi"), r.get("name_en"), r.get("name_fr"), r.get("name_ru")),
                                OrgLevel.valueOf(r.get("level")),
                                r.get("parent").isBlank() ? null : r.get("parent"),
                                r.get("leader")));
            }
        }
    }

    private void loadResolutions() throws IOException {
        try (InputStream in = new ClassPathResource("demo/resolutions.json").getInputStream()) {
            ResolutionSeed[] seeds = json.readValue(in, ResolutionSeed[].class);
            for (ResolutionSeed seed : seeds) {
                resolutions.create(
                        LOADER,
                        new NewResolution(
                                seed.slug(),
                                seed.number(),
                                seed.titles(),
                                seed.summary(),
                                seed.issuedOn(),
                                seed.issuer()));
                seed.goals().forEach(g -> resolutions.addGoal(LOADER, seed.slug(), g));
                seed.solutionGroups().forEach(g -> resolutions.addSolutionGroup(LOADER, seed.slug(), g));
            }
        }
    }

    private void loadAccounts() {
        account("admin", "Quản trị viên (demo)", Role.ADMIN, null);
        account("steering", "Văn phòng Ban Chỉ đạo (demo)", Role.STEERING, "TW");
        account("leader.caobang", "Lãnh đạo tỉnh Cao Bằng (demo)", Role.LEADER, "CAOBANG");
        account("reporter.caobang", "Cán bộ báo cáo Cao Bằng (demo)", Role.REPORTER, "CAOBANG");
        account("reporter.moh", "Cán bộ báo cáo Bộ Y tế (demo)", Role.REPORTER, "BYT");
        account("expert", "Chuyên gia thẩm định độc lập (demo)", Role.EXPERT, "TW");
    }

    private void account(String username, String displayName, Role role, String scope) {
        accounts.seed(LOADER, new NewAccount(username, "demo", displayName, role, scope));
    }

    private static Reader reader(String path) throws IOException {
        return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    }
}
