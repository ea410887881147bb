package org.mandate.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mandate.bottlenecks.BottleneckManagement;
import org.mandate.bottlenecks.BottleneckManagement.NewBottleneck;
import org.mandate.bottlenecks.BottleneckType;
import org.mandate.bottlenecks.Severity;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.resolutions.Resolution;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.Actor;
import org.mandate.shared.Paging;
import org.mandate.shared.Role;
import org.mandate.tasks.LegalStage;
import org.mandate.tasks.Task;
import org.mandate.tasks.TaskKind;
import org.mandate.tasks.TaskManagement;
import org.mandate.tasks.TaskManagement.NewTask;
import org.mandate.tasks.TaskManagement.ProgressReport;
import org.mandate.tasks.TaskManagement.RebaselineRequest;
import org.mandate.tasks.TaskManagement.TaskChanges;
import org.mandate.tasks.TaskManagement.TaskFilter;
import org.mandate.tasks.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sample tasks for the five resolutions at central, ministry, province and commune level (some done, some
 * late, some blocked) and sample bottlenecks, with dates relative to today so that "overdue" stays true.
 * Every title is marked as sample data. Runs once, when no task exists.
 */
@Component
@Profile("demo")
@Order(20)
class DemoTasks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTasks.class);
    private static final String SAMPLE = " (dữ liệu mẫu / sample data)";

    private final TaskManagement tasks;
    private final BottleneckManagement bottlenecks;
    private final TransactionTemplate tx;
    private final AccountManagement accounts;
    private final OrgUnitManagement orgUnits;
    private final ResolutionManagement resolutions;
    private final Actor loader = DemoCatalogue.LOADER;
    private LocalDate today;
    /** The sample tasks under way, moved on between the demo's two publications ({@link #moveThisWeek}). */
    private final List<Long> underway = new ArrayList<>();
    /** The bottlenecks the spread raised; the first is resolved between the two publications. */
    private final List<Long> raised = new ArrayList<>();

    DemoTasks(
            TaskManagement tasks,
            BottleneckManagement bottlenecks,
            AccountManagement accounts,
            OrgUnitManagement orgUnits,
            ResolutionManagement resolutions,
            TransactionTemplate tx) {
        this.accounts = accounts;
        this.orgUnits = orgUnits;
        this.resolutions = resolutions;
        this.tasks = tasks;
        this.bottlenecks = bottlenecks;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tasks.list(TaskFilter.all(), Paging.of(0, 1)).total() > 0) {
            return;
        }
        log.info("Loading sample tasks and bottlenecks");
        long started = System.currentTimeMillis();
        today = tasks.today();
        tx.executeWithoutResult(status -> load());
        tx.executeWithoutResult(status -> spread());
        log.info("Loaded the sample tasks in {} ms", System.currentTimeMillis() - started);
    }

    /**
     * Every province and ministry gets its own sample tasks, drawn from its {@link DemoSpread#performance}:
     * one finished (on time for a good performer, late for a poor one), one due soon or already overdue, one
     * under way (at risk now and then), and for every third unit one re-baselined with the approver's consent;
     * budgets disbursed in proportion. Poor performers raise a bottleneck.
     */
    private void spread() {
        List<String> slugs = List.of("57-nq-tw", "59-nq-tw", "70-nq-tw", "71-nq-tw", "72-nq-tw");
        List<OrgUnit> units = new ArrayList<>();
        units.addAll(orgUnits.list(null, OrgLevel.PROVINCE, null, Paging.of(0, Paging.MAX_SIZE))
                .items());
        units.addAll(orgUnits.list(null, OrgLevel.MINISTRY, null, Paging.of(0, Paging.MAX_SIZE))
                .items());
        for (int i = 0; i < units.size(); i++) {
            OrgUnit unit = units.get(i);
            String code = unit.code();
            double p = DemoSpread.performance(code);
            Random random = DemoSpread.random(code, "tasks");
            String name = unit.names().vi();
            String approver = unit.level() == OrgLevel.PROVINCE ? code : "TW";

            // Finished: on time by a good performer, late by a poor one.
            boolean onTime = random.nextDouble() < p;
            int finishedDeadline = onTime ? 3 + random.nextInt(25) : -(3 + random.nextInt(30));
            long done = spreadTask(
                    slugs.get(i % 5),
                    code,
                    approver,
                    name + ": hoàn thành kế hoạch triển khai",
                    "Implementation plan adopted and published",
                    -150,
                    finishedDeadline,
                    random,
                    p);
            progress(done, 100, TaskStatus.DONE, "Plan adopted and published (sample)");

            // Due soon, or already overdue for a poor performer.
            boolean late = random.nextDouble() > p;
            int dueDays = late ? -(5 + random.nextInt(40)) : 20 + random.nextInt(40);
            long due = spreadTask(
                    slugs.get((i + 1) % 5),
                    code,
                    approver,
                    name + ": báo cáo sơ kết",
                    "Mid-term review report sent to the steering committee",
                    -120,
                    dueDays,
                    random,
                    p);
            progress(due, 20 + random.nextInt(50), null, null);

            // Under way; at risk now and then.
            long underway = spreadTask(
                    slugs.get((i + 2) % 5),
                    code,
                    approver,
                    name + ": dự án trọng điểm",
                    "Key project commissioned",
                    -200,
                    60 + random.nextInt(240),
                    random,
                    p);
            boolean atRisk = random.nextDouble() > 0.5 + p / 2;
            progress(
                    underway,
                    (int) Math.round(10 + 80 * p * random.nextDouble()),
                    atRisk ? TaskStatus.AT_RISK : null,
                    null);
            this.underway.add(underway);

            if (i % 3 == 0) {
                long moved = spreadTask(
                        slugs.get((i + 3) % 5),
                        code,
                        approver,
                        name + ": số hóa hồ sơ",
                        "Records digitised",
                        -90,
                        10 + random.nextInt(30),
                        random,
                        p);
                progress(moved, 30, null, null);
                tasks.requestRebaseline(
                        loader,
                        moved,
                        new RebaselineRequest(
                                today.plusDays(60 + random.nextInt(60)),
                                null,
                                "Vendor contract delayed (sample data)"));
                long request = tasks.rebaselines(moved).get(0).id();
                tasks.decideRebaseline(loader, moved, request, true);
            }
            if (p < 0.35) {
                raised.add(bottleneck(
                        name + ": thiếu vốn đối ứng",
                        BottleneckType.CAPITAL,
                        p < 0.25 ? Severity.HIGH : Severity.MEDIUM,
                        code,
                        code,
                        List.of(due)));
            }
        }
    }

    /**
     * This week's sample progress, reported after the first publication (last week's) and before the second,
     * so that the changes page has changes to show: every good performer's task under way moves on, every
     * fifth one falls at risk.
     */
    void moveThisWeek() {
        if (underway.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (int n = 0; n < underway.size(); n++) {
                Task t = tasks.get(underway.get(n));
                if (t.finished() || t.status() == TaskStatus.DRAFT) {
                    continue;
                }
                double p = DemoSpread.performance(t.leadUnit());
                if (n % 5 == 4) {
                    progress(t.id(), t.progress(), TaskStatus.AT_RISK, null);
                } else if (p > 0.8) {
                    progress(t.id(), 100, TaskStatus.DONE, "Project commissioned this week (sample)");
                } else if (p > 0.5) {
                    progress(t.id(), Math.min(95, t.progress() + 5 + (int) (20 * p)), TaskStatus.ON_TRACK, null);
                }
            }
            if (!raised.isEmpty()) {
                bottlenecks.resolve(loader, raised.get(0), "Counterpart funds allocated this week (sample data)", null);
            }
            Task late = tasks.get(underway.get(underway.size() - 1));
            bottleneck(
                    "Chậm phê duyệt thiết kế kỹ thuật",
                    BottleneckType.COORDINATION,
                    Severity.MEDIUM,
                    late.leadUnit(),
                    late.leadUnit(),
                    List.of(late.id()));
        });
        underway.clear();
        raised.clear();
    }

    private long spreadTask(
            String resolution,
            String lead,
            String approver,
            String title,
            String result,
            int startDays,
            int deadlineDays,
            Random random,
            double performance) {
        Resolution r = resolutions.get(resolution);
        String group = r.solutionGroups().isEmpty()
                ? null
                : r.solutionGroups()
                        .get(random.nextInt(r.solutionGroups().size()))
                        .code();
        long planned = (1 + random.nextInt(40)) * 1_000_000_000L;
        long allocated = planned * (60 + random.nextInt(31)) / 100;
        long disbursed = (long) (allocated * Math.min(1.0, 0.1 + 0.8 * performance + 0.1 * random.nextDouble()));
        return tasks.create(
                        loader,
                        new NewTask(
                                title + SAMPLE,
                                "Sample task for the demonstration: " + result + SAMPLE,
                                resolution,
                                group,
                                lead,
                                List.of(),
                                "Lãnh đạo đơn vị (mẫu)",
                                approver,
                                today.plusDays(startDays),
                                today.plusDays(deadlineDays),
                                result,
                                TaskKind.PROJECT,
                                planned,
                                allocated,
                                disbursed,
                                null,
                                null,
                                null,
                                null,
                                null))
                .id();
    }

    private void load() {
        if (accounts.find("reporter.caobang-c01").isEmpty()) {
            accounts.seed(
                    loader,
                    new NewAccount(
                            "reporter.caobang-c01",
                            "demo",
                            "Cán bộ báo cáo Xã mẫu 01 (demo)",
                            Role.REPORTER,
                            "CAOBANG-C01"));
        }
        // Resolution 72: health. Central -> Cao Bang -> communes; Ministry of Health.
        long r72 = task(
                "72-nq-tw",
                "72-S02",
                null,
                "TW",
                "Phát triển y tế cơ sở và bác sĩ gia đình",
                "Every commune health station staffed and offering family-doctor care",
                TaskKind.POLICY,
                -120,
                300,
                50_000_000_000L,
                "TW",
                "Trưởng Ban Chỉ đạo");
        long cb72 = task(
                null,
                null,
                r72,
                "CAOBANG",
                "Cao Bằng: kiện toàn trạm y tế xã",
                "All 56 commune health stations meet national standards",
                TaskKind.PROJECT,
                -90,
                200,
                12_000_000_000L,
                "CAOBANG",
                "Phó Chủ tịch UBND tỉnh");
        long c01 = task(
                null,
                null,
                cb72,
                "CAOBANG-C01",
                "Xã mẫu 01: trạm y tế đạt chuẩn",
                "Station renovated and two doctors assigned",
                TaskKind.PROJECT,
                -80,
                20,
                800_000_000L,
                "CAOBANG",
                "Chủ tịch UBND xã");
        long c02 = task(
                null,
                null,
                cb72,
                "CAOBANG-C02",
                "Xã mẫu 02: trạm y tế đạt chuẩn",
                "Station renovated and two doctors assigned",
                TaskKind.PROJECT,
                -80,
                -10,
                800_000_000L,
                "CAOBANG",
                "Chủ tịch UBND xã");
        long c03 = task(
                null,
                null,
                cb72,
                "CAOBANG-C03",
                "Xã mẫu 03: khám sức khỏe định kỳ cho người dân",
                "Every resident examined once a year",
                TaskKind.OTHER,
                -80,
                100,
                300_000_000L,
                "CAOBANG",
                "Trưởng trạm y tế xã");
        progress(c01, 70, null, null);
        progress(c03, 40, TaskStatus.AT_RISK, null);
        progress(c02, 30, null, null);
        long moh = task(
                null,
                null,
                r72,
                "BYT",
                "Bộ Y tế: thông tư về bác sĩ gia đình",
                "Circular on family-doctor practice issued",
                TaskKind.LEGAL_DOCUMENT,
                -100,
                -20,
                0,
                "TW",
                "Thứ trưởng Bộ Y tế");
        legal(moh, LegalStage.APPRAISAL);
        long moh2 = task(
                null,
                null,
                r72,
                "BYT",
                "Bộ Y tế: chuẩn dữ liệu hồ sơ sức khỏe điện tử",
                "National electronic health record standard published",
                TaskKind.REPORT,
                -100,
                30,
                2_000_000_000L,
                "TW",
                "Cục trưởng Cục Công nghệ thông tin");
        progress(moh2, 100, TaskStatus.DONE, "Standard published on the ministry portal");
        bottleneck(
                "Thiếu bác sĩ về công tác tại xã",
                BottleneckType.HUMAN_RESOURCES,
                Severity.HIGH,
                "CAOBANG-C02",
                "CAOBANG",
                List.of(c02));

        // Resolution 70: energy. Ministry of Industry and Trade, Hanoi.
        long r70 = task(
                "70-nq-tw",
                "70-S02",
                null,
                "TW",
                "Đầu tư lưới truyền tải 500 kV và lưu trữ",
                "500 kV circuit 3 extension energised and a pilot storage site running",
                TaskKind.PROJECT,
                -200,
                400,
                900_000_000_000L,
                "TW",
                "Trưởng Ban Chỉ đạo");
        long bct = task(
                null,
                null,
                r70,
                "BCT",
                "Bộ Công Thương: giải phóng mặt bằng tuyến 500 kV",
                "Site clearance completed along the whole route",
                TaskKind.PROJECT,
                -150,
                -30,
                120_000_000_000L,
                "TW",
                "Thứ trưởng Bộ Công Thương");
        progress(bct, 65, TaskStatus.AT_RISK, null);
        long hn = task(
                null,
                null,
                r70,
                "HANOI",
                "Hà Nội: dự án lưu trữ điện thí điểm",
                "10 MW pilot battery storage commissioned",
                TaskKind.PROJECT,
                -120,
                150,
                300_000_000_000L,
                "TW",
                "Phó Chủ tịch UBND thành phố");
        progress(hn, 25, null, null);
        long bct2 = task(
                "70-nq-tw",
                "70-S04",
                null,
                "BCT",
                "Nghị định về cơ chế giá điện tham chiếu dài hạn",
                "Decree on the long-term reference price mechanism in force",
                TaskKind.LEGAL_DOCUMENT,
                -90,
                60,
                0,
                "TW",
                "Bộ trưởng Bộ Công Thương");
        legal(bct2, LegalStage.DRAFTING);
        bottleneck(
                "Chậm bàn giao mặt bằng tuyến 500 kV",
                BottleneckType.LAND,
                Severity.CRITICAL,
                "BCT",
                "BCT",
                List.of(bct, r70));
        bottleneck(
                "Chưa có nghị định về giá tham chiếu",
                BottleneckType.INSTITUTIONAL,
                Severity.HIGH,
                "HANOI",
                "BCT",
                List.of(hn));

        // Resolution 71: education.
        long r71 = task(
                "71-nq-tw",
                "71-S06",
                null,
                "BGDDT",
                "Chuyển đổi số trong giáo dục",
                "Every school on the national learning data platform",
                TaskKind.PROJECT,
                -60,
                500,
                40_000_000_000L,
                "TW",
                "Thứ trưởng Bộ Giáo dục và Đào tạo");
        long cbEdu = task(
                null,
                null,
                r71,
                "CAOBANG-SGDDT",
                "Cao Bằng: kết nối mạng cho các trường vùng cao",
                "All upland schools connected to broadband",
                TaskKind.PROJECT,
                -50,
                120,
                5_000_000_000L,
                "CAOBANG",
                "Giám đốc Sở Giáo dục và Đào tạo");
        progress(cbEdu, 35, null, null);
        progress(r71, 10, null, null);
        bottleneck(
                "Vốn cho hạ tầng mạng chưa được phân bổ",
                BottleneckType.CAPITAL,
                Severity.MEDIUM,
                "CAOBANG-SGDDT",
                "CAOBANG",
                List.of(cbEdu));

        // Resolution 57: science, technology, digital transformation; guiding documents before 31 March 2026.
        LocalDate guiding = LocalDate.of(2026, 3, 31);
        long d1 = taskOn(
                "57-nq-tw",
                "57-S01",
                "BKHCN",
                "Nghị định hướng dẫn Luật Khoa học, công nghệ và đổi mới sáng tạo",
                "Guiding decree issued and in force",
                TaskKind.LEGAL_DOCUMENT,
                guiding.minusDays(150),
                guiding);
        legal(d1, LegalStage.ISSUED);
        // Issued, not yet in force: most of the way, not "0 %".
        progress(d1, 75, null, null);
        long d2 = taskOn(
                "57-nq-tw",
                "57-S01",
                "BTP",
                "Thông tư hướng dẫn thủ tục hành chính trực tuyến",
                "Circular issued and in force",
                TaskKind.LEGAL_DOCUMENT,
                guiding.minusDays(150),
                guiding);
        legal(d2, LegalStage.DRAFTING);
        long d3 = task(
                "57-nq-tw",
                "57-S02",
                null,
                "BKHCN",
                "Cổng dịch vụ công trực tuyến toàn trình",
                "80% of procedures fully online",
                TaskKind.PROJECT,
                -200,
                -5,
                60_000_000_000L,
                "TW",
                "Thứ trưởng Bộ Khoa học và Công nghệ");
        progress(d3, 100, TaskStatus.DONE, "Portal launched; 82% of procedures fully online");
        long d4 = task(
                "57-nq-tw",
                "57-S02",
                null,
                "CAOBANG",
                "Cao Bằng: số hóa hồ sơ thủ tục hành chính",
                "All provincial procedures digitised",
                TaskKind.PROJECT,
                -150,
                -40,
                3_000_000_000L,
                "CAOBANG",
                "Giám đốc Sở Khoa học và Công nghệ");
        progress(d4, 55, null, null);
        bottleneck(
                "Chưa ban hành thông tư hướng dẫn",
                BottleneckType.INSTITUTIONAL,
                Severity.HIGH,
                "CAOBANG",
                "BTP",
                List.of(d4));

        // Resolution 59: international integration.
        long r59 = task(
                "59-nq-tw",
                "59-S02",
                null,
                "BNG",
                "Nội luật hóa các cam kết quốc tế",
                "Commitments internalised in domestic law",
                TaskKind.POLICY,
                -180,
                90,
                10_000_000_000L,
                "TW",
                "Thứ trưởng Bộ Ngoại giao");
        progress(r59, 45, null, null);
        long fdi = task(
                "59-nq-tw",
                "59-S03",
                null,
                "HCM",
                "TP. Hồ Chí Minh: thu hút FDI chất lượng cao (bán dẫn)",
                "Two semiconductor projects licensed",
                TaskKind.PROJECT,
                -150,
                -15,
                0,
                "TW",
                "Phó Chủ tịch UBND thành phố");
        progress(fdi, 60, null, null);
        task(
                "59-nq-tw",
                "59-S01",
                null,
                "BNG",
                "Kế hoạch hành động hội nhập quốc tế",
                null,
                TaskKind.REPORT,
                -10,
                60,
                0,
                null,
                null);
    }

    private long task(
            String resolution,
            String group,
            Long parent,
            String lead,
            String title,
            String result,
            TaskKind kind,
            int startDays,
            int deadlineDays,
            long budget,
            String approver,
            String person) {
        Task t = tasks.create(
                loader,
                new NewTask(
                        title + SAMPLE,
                        "Sample task for the demonstration: " + (result == null ? title : result) + SAMPLE,
                        resolution,
                        group,
                        lead,
                        List.of(),
                        person,
                        approver,
                        today.plusDays(startDays),
                        today.plusDays(deadlineDays),
                        result,
                        kind,
                        budget,
                        budget * 6 / 10,
                        budget / 4,
                        parent,
                        null,
                        null,
                        null,
                        null));
        return t.id();
    }

    private long taskOn(
            String resolution,
            String group,
            String lead,
            String title,
            String result,
            TaskKind kind,
            LocalDate start,
            LocalDate deadline) {
        return tasks.create(
                        loader,
                        new NewTask(
                                title + SAMPLE,
                                "Guiding legal document" + SAMPLE,
                                resolution,
                                group,
                                lead,
                                List.of(),
                                "Vụ trưởng Vụ Pháp chế",
                                "TW",
                                start,
                                deadline,
                                result,
                                kind,
                                0L,
                                0L,
                                0L,
                                null,
                                null,
                                null,
                                null,
                                null))
                .id();
    }

    private void progress(long id, int progress, TaskStatus status, String note) {
        tasks.report(
                loader,
                id,
                new ProgressReport(
                        progress,
                        status,
                        note,
                        status == TaskStatus.DONE ? "https://example.org/sample-evidence" : null,
                        null));
    }

    private void legal(long id, LegalStage stage) {
        tasks.update(
                loader,
                id,
                new TaskChanges(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        stage, null, null));
    }

    private long bottleneck(
            String title, BottleneckType type, Severity severity, String raisedBy, String owner, List<Long> blocked) {
        return bottlenecks
                .raise(
                        new Actor("demo-loader", Role.ADMIN, null),
                        new NewBottleneck(
                                title + SAMPLE,
                                "Sample bottleneck" + SAMPLE,
                                type,
                                severity,
                                raisedBy,
                                owner,
                                null,
                                blocked))
                .id();
    }
}
