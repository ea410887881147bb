package org.mandate.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.indicators.DataValue;
import org.mandate.indicators.DataValueManagement;
import org.mandate.indicators.DataValueManagement.Sample;
import org.mandate.indicators.Indicator.Aggregation;
import org.mandate.indicators.Indicator.Baseline;
import org.mandate.indicators.Indicator.Direction;
import org.mandate.indicators.Indicator.Periodicity;
import org.mandate.indicators.Indicator.Target;
import org.mandate.indicators.IndicatorManagement;
import org.mandate.indicators.IndicatorManagement.IndicatorDefinition;
import org.mandate.orgunits.OrgLevel;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.reporting.ReportManagement;
import org.mandate.resolutions.Resolution.Goal;
import org.mandate.resolutions.ResolutionManagement;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.Paging;
import org.mandate.shared.Period;
import org.mandate.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators that measure the resolutions' goals, with SAMPLE values (labelled as such) for the 34
 * provinces over the past 52 weeks / 12 months, approved so that public pages have figures; the reports of
 * the current and previous periods; and the demo account {@code reporter.caobang-c01} (a reporter of
 * sample commune 01 of Cao Bang). The reserve margin is computed from capacity and peak load and trends
 * up too slowly to reach 15% by 2030, so its projection has something to say.
 */
@Component
@Profile("demo")
@Order(30)
class DemoIndicators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);
    private static final String SAMPLE = "Sample data / Dữ liệu mẫu";

    private final IndicatorManagement indicators;
    private final DataValueManagement values;
    private final ResolutionManagement resolutions;
    private final OrgUnitManagement orgUnits;
    private final AccountManagement accounts;
    private final ReportManagement reports;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoIndicators(
            IndicatorManagement indicators,
            DataValueManagement values,
            ResolutionManagement resolutions,
            OrgUnitManagement orgUnits,
            AccountManagement accounts,
            ReportManagement reports,
            TransactionTemplate tx,
            Clock clock) {
        this.indicators = indicators;
        this.values = values;
        this.resolutions = resolutions;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.reports = reports;
        this.tx = tx;
        this.clock = clock;
    }

    /** How sample values are drawn: a national level now, a yearly drift, a spread between provinces, noise. */
    private record Spec(
            String code,
            String resolution,
            LocalizedText names,
            String unit,
            Direction direction,
            Periodicity periodicity,
            Aggregation aggregation,
            String weight,
            String formula,
            double level,
            double drift,
            double spread,
            double noise,
            BigDecimal min,
            BigDecimal max) {}

    @Override
    public void run(ApplicationArguments args) {
        if (indicators.find("R70_RESERVE_MARGIN").isPresent()) {
            return;
        }
        long started = System.currentTimeMillis();
        tx.executeWithoutResult(status -> load());
        log.info("Loaded the demo indicators and sample values in {} ms", System.currentTimeMillis() - started);
    }

    private void load() {
        LocalDate today = LocalDate.now(clock);
        List<OrgUnit> provinces = orgUnits.list(null, OrgLevel.PROVINCE, null, Paging.of(0, Paging.MAX_SIZE))
                .items();
        List<Sample> samples = new ArrayList<>();
        Random random = new Random(70);
        for (Spec s : specs()) {
            indicators.create(DemoCatalogue.LOADER, definition(s));
            if (s.formula() == null && s.level() > 0) {
                samples.addAll(samples(s, provinces, today, random));
            }
        }
        reserveMargin(samples, provinces, today, random);
        long t0 = System.currentTimeMillis();
        values.load(DemoCatalogue.LOADER, samples, DataValue.State.APPROVED, SAMPLE);
        long t1 = System.currentTimeMillis();
        // The tasks demo may have created the same commune reporter already.
        if (accounts.find("reporter.caobang-c01").isEmpty()) {
            accounts.seed(
                    DemoCatalogue.LOADER,
                    new NewAccount(
                            "reporter.caobang-c01",
                            "demo",
                            "Cán bộ báo cáo xã mẫu 01, Cao Bằng (demo)",
                            Role.REPORTER,
                            "CAOBANG-C01"));
        }
        long t2 = System.currentTimeMillis();
        reports.openAndMarkLate(today);
        approveLastWeek(provinces, today);
        log.info(
                "Demo indicators: {} sample values in {} ms, account in {} ms, reports in {} ms",
                samples.size(),
                t1 - t0,
                t2 - t1,
                System.currentTimeMillis() - t2);
    }

    /**
     * The reports of the past eight weeks and three months, as each province and ministry would have sent
     * them given its {@link DemoSpread#performance}: good performers on time, others late by a few days or
     * not at all (those stay open and turn late), so that timeliness and completeness differ between units.
     * Every sixth province skipped last week, so the completeness page has someone to name. Cao Bang's
     * communes report the same way.
     */
    private void approveLastWeek(List<OrgUnit> provinces, LocalDate today) {
        List<String> resolutionSlugs =
                resolutions.all().stream().map(r -> r.slug()).toList();
        List<OrgUnit> units = new ArrayList<>(provinces);
        units.addAll(orgUnits.list(null, OrgLevel.MINISTRY, null, Paging.of(0, Paging.MAX_SIZE))
                .items());
        // Cao Bang's communes report too, so that its commune ranking has a spread (all communes of the country
        // would cost the first start far more than they show).
        units.addAll(orgUnits.list("CAOBANG", OrgLevel.COMMUNE, null, Paging.of(0, Paging.MAX_SIZE))
                .items());
        List<Period> periods = new ArrayList<>();
        Period week = Period.of(Period.Type.WEEK, today).previous();
        for (int w = 0; w < 8; w++, week = week.previous()) {
            periods.add(week);
        }
        Period month = Period.of(Period.Type.MONTH, today).previous();
        for (int m = 0; m < 3; m++, month = month.previous()) {
            periods.add(month);
        }
        Period lastWeek = periods.get(0);
        for (Period period : periods) {
            reports.open(period);
            java.util.Map<Integer, List<String>> byLateness = new java.util.TreeMap<>();
            for (int n = 0; n < units.size(); n++) {
                String code = units.get(n).code();
                if (period.equals(lastWeek) && n < provinces.size() && n % 6 == 5) {
                    continue;
                }
                double p = DemoSpread.performance(code);
                double x = DemoSpread.random(code, "report " + period).nextDouble();
                if (x < p) {
                    byLateness.computeIfAbsent(0, k -> new ArrayList<>()).add(code);
                } else if (x < p + 0.3) {
                    int late = 1 + (int) (x * 100) % 6;
                    byLateness.computeIfAbsent(late, k -> new ArrayList<>()).add(code);
                }
            }
            byLateness.forEach(
                    (late, codes) -> reports.loadApproved(DemoCatalogue.LOADER, period, codes, resolutionSlugs, late));
        }
        reports.markLate(today);
    }

    private IndicatorDefinition definition(Spec s) {
        List<Target> targets = new ArrayList<>();
        resolutions.find(s.resolution()).ifPresent(r -> {
            for (Goal g : r.goals()) {
                if (s.code().equals(g.indicator()) && g.targetValue() != null && g.targetYear() != null) {
                    targets.add(new Target(g.targetYear(), g.targetValue()));
                }
            }
        });
        Baseline baseline = s.level() > 0 && !targets.isEmpty()
                ? new Baseline(
                        round(s.level() - s.drift()), LocalDate.now(clock).getYear() - 1)
                : null;
        if (s.code().equals("R70_RESERVE_MARGIN")) {
            baseline = new Baseline(new BigDecimal("8.50"), 2024);
        }
        return new IndicatorDefinition(
                s.code(),
                s.names(),
                s.unit(),
                s.direction(),
                s.periodicity(),
                s.aggregation(),
                s.weight(),
                baseline,
                targets,
                s.formula(),
                s.resolution(),
                s.min(),
                s.max(),
                true,
                null);
    }

    private static List<Sample> samples(Spec s, List<OrgUnit> provinces, LocalDate today, Random random) {
        List<Sample> list = new ArrayList<>();
        List<Period> periods = pastPeriods(s.periodicity(), today);
        for (OrgUnit p : provinces) {
            double offset = (random.nextDouble() * 2 - 1) * s.spread();
            for (Period period : periods) {
                double yearsAgo = (today.toEpochDay() - period.anchor().toEpochDay()) / 365.25;
                double v = s.level() - s.drift() * yearsAgo + offset + random.nextGaussian() * s.noise();
                if (s.min() != null) {
                    v = Math.max(v, s.min().doubleValue());
                }
                if (s.max() != null) {
                    v = Math.min(v, s.max().doubleValue());
                }
                list.add(new Sample(s.code(), p.code(), period, round(v)));
            }
        }
        return list;
    }

    /** Capacity and peak load per province, so that the national reserve margin creeps up from about 9%. */
    private static void reserveMargin(List<Sample> list, List<OrgUnit> provinces, LocalDate today, Random random) {
        List<Period> months = pastPeriods(Periodicity.MONTHLY, today);
        for (OrgUnit p : provinces) {
            double peak0 = 800 + random.nextDouble() * 2200;
            double own = (random.nextDouble() * 2 - 1) * 2.0;
            for (int m = 0; m < months.size(); m++) {
                double margin = 9.0 + 0.07 * m + own + random.nextGaussian() * 0.2;
                double peak = peak0 * (1 + 0.004 * m);
                double capacity = peak * (1 + margin / 100);
                list.add(new Sample("R70_PEAK_LOAD", p.code(), months.get(m), round(peak)));
                list.add(new Sample("R70_INSTALLED_CAPACITY", p.code(), months.get(m), round(capacity)));
            }
        }
    }

    /** The 52 weeks, 12 months, 4 quarters or 2 years before the current one, oldest first. */
    private static List<Period> pastPeriods(Periodicity periodicity, LocalDate today) {
        int count = switch (periodicity) {
            case WEEKLY -> 52;
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 2;
        };
        Period p = Period.of(periodicity.periodType(), today);
        List<Period> list = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            p = p.previous();
            list.add(0, p);
        }
        return list;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalizedText t(String vi, String en, String fr, String ru) {
        return new LocalizedText(vi, en, fr, ru);
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static List<Spec> specs() {
        return List.of(
                new Spec(
                        "R70_INSTALLED_CAPACITY",
                        "70-nq-tw",
                        t(
                                "Công suất đặt nguồn điện (dữ liệu mẫu)",
                                "Installed generating capacity (sample data)",
                                "Capacité de production installée (données d'exemple)",
                                "Установленная генерирующая мощность (демо-данные)"),
                        "MW",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.LAST,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0,
                        ZERO,
                        new BigDecimal("100000")),
                new Spec(
                        "R70_PEAK_LOAD",
                        "70-nq-tw",
                        t(
                                "Phụ tải đỉnh (dữ liệu mẫu)",
                                "Peak load (sample data)",
                                "Charge de pointe (données d'exemple)",
                                "Пиковая нагрузка (демо-данные)"),
                        "MW",
                        Direction.LOWER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.LAST,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0,
                        ZERO,
                        new BigDecimal("100000")),
                new Spec(
                        "R70_RESERVE_MARGIN",
                        "70-nq-tw",
                        t(
                                "Tỷ lệ dự phòng công suất",
                                "Capacity reserve margin",
                                "Marge de réserve de capacité",
                                "Резерв мощности"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        "(R70_INSTALLED_CAPACITY - R70_PEAK_LOAD) / R70_PEAK_LOAD * 100",
                        0,
                        0,
                        0,
                        0,
                        null,
                        null),
                new Spec(
                        "R70_GRID_LOSS",
                        "70-nq-tw",
                        t(
                                "Tỷ lệ tổn thất điện năng (dữ liệu mẫu)",
                                "Power losses (sample data)",
                                "Pertes d'électricité (données d'exemple)",
                                "Потери электроэнергии (демо-данные)"),
                        "%",
                        Direction.LOWER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.WEIGHTED_AVERAGE,
                        "R70_PEAK_LOAD",
                        null,
                        6.4,
                        0.2,
                        1.0,
                        0.15,
                        ZERO,
                        new BigDecimal("30")),
                new Spec(
                        "R70_CLEAN_SHARE",
                        "70-nq-tw",
                        t(
                                "Tỷ trọng năng lượng sạch, tái tạo (dữ liệu mẫu)",
                                "Clean and renewable energy share (sample data)",
                                "Part des énergies propres et renouvelables (données d'exemple)",
                                "Доля чистой и возобновляемой энергии (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.WEIGHTED_AVERAGE,
                        "R70_INSTALLED_CAPACITY",
                        null,
                        24,
                        1.5,
                        8,
                        0.5,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R72_HEALTHY_LIFE_EXPECTANCY",
                        "72-nq-tw",
                        t(
                                "Tuổi thọ khỏe mạnh (dữ liệu mẫu)",
                                "Healthy life expectancy (sample data)",
                                "Espérance de vie en bonne santé (données d'exemple)",
                                "Ожидаемая продолжительность здоровой жизни (демо-данные)"),
                        "năm/years",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.YEARLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        65.5,
                        0.4,
                        2,
                        0.1,
                        new BigDecimal("40"),
                        new BigDecimal("90")),
                new Spec(
                        "R72_OOP_SHARE",
                        "72-nq-tw",
                        t(
                                "Tỷ lệ chi tiền túi của người bệnh trong tổng chi y tế (dữ liệu mẫu)",
                                "Out-of-pocket share of health spending (sample data)",
                                "Part des paiements directs dans les dépenses de santé (données d'exemple)",
                                "Доля личных расходов пациентов в расходах на здравоохранение (демо-данные)"),
                        "%",
                        Direction.LOWER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        39,
                        1.2,
                        4,
                        0.4,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R72_PRIMARY_CARE_COVERAGE",
                        "72-nq-tw",
                        t(
                                "Tỷ lệ dân số được quản lý sức khỏe tại y tế cơ sở (dữ liệu mẫu)",
                                "Population managed by primary health care (sample data)",
                                "Population suivie par les soins primaires (données d'exemple)",
                                "Население под наблюдением первичной медико-санитарной помощи (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        78,
                        3,
                        6,
                        0.5,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R72_PATIENT_SATISFACTION",
                        "72-nq-tw",
                        t(
                                "Mức độ hài lòng của người bệnh (dữ liệu mẫu)",
                                "Patient satisfaction (sample data)",
                                "Satisfaction des patients (données d'exemple)",
                                "Удовлетворённость пациентов (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        84,
                        1.5,
                        4,
                        0.7,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R71_ACCREDITED_INSTITUTIONS",
                        "71-nq-tw",
                        t(
                                "Tỷ lệ cơ sở giáo dục đại học đạt chuẩn kiểm định (dữ liệu mẫu)",
                                "Accredited higher-education institutions (sample data)",
                                "Établissements d'enseignement supérieur accrédités (données d'exemple)",
                                "Аккредитованные вузы (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        72,
                        5,
                        10,
                        0.5,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R71_DIGITAL_SKILLS_CERT",
                        "71-nq-tw",
                        t(
                                "Tỷ lệ người học có chứng chỉ kỹ năng số (dữ liệu mẫu)",
                                "Learners with a digital-skills certificate (sample data)",
                                "Apprenants certifiés en compétences numériques (données d'exemple)",
                                "Обучающиеся с сертификатом цифровых навыков (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.WEEKLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        35,
                        8,
                        10,
                        0.8,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R59_HQ_FDI_DISBURSED",
                        "59-nq-tw",
                        t(
                                "Vốn FDI chất lượng cao giải ngân (dữ liệu mẫu)",
                                "High-quality FDI disbursed (sample data)",
                                "IDE de qualité décaissés (données d'exemple)",
                                "Освоенные высококачественные ПИИ (демо-данные)"),
                        "tỷ USD / USD bn",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.SUM,
                        null,
                        null,
                        0.055,
                        0.008,
                        0.04,
                        0.01,
                        ZERO,
                        new BigDecimal("10")),
                new Spec(
                        "R59_COMMITMENTS_INTERNALISED",
                        "59-nq-tw",
                        t(
                                "Tỷ lệ cam kết quốc tế được nội luật hóa (dữ liệu mẫu)",
                                "International commitments internalised (sample data)",
                                "Engagements internationaux transposés (données d'exemple)",
                                "Имплементированные международные обязательства (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        68,
                        6,
                        8,
                        0.5,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R57_GUIDING_DOCS_ISSUED",
                        "57-nq-tw",
                        t(
                                "Tỷ lệ văn bản hướng dẫn luật đã ban hành (dữ liệu mẫu)",
                                "Guiding documents issued (sample data)",
                                "Textes d'application publiés (données d'exemple)",
                                "Изданные подзаконные акты (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.WEEKLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        74,
                        30,
                        8,
                        1,
                        ZERO,
                        HUNDRED),
                new Spec(
                        "R57_ONLINE_PUBLIC_SERVICES",
                        "57-nq-tw",
                        t(
                                "Tỷ lệ dịch vụ công trực tuyến toàn trình (dữ liệu mẫu)",
                                "Full-process online public services (sample data)",
                                "Services publics entièrement en ligne (données d'exemple)",
                                "Полностью онлайн госуслуги (демо-данные)"),
                        "%",
                        Direction.HIGHER_IS_BETTER,
                        Periodicity.MONTHLY,
                        Aggregation.AVERAGE,
                        null,
                        null,
                        55,
                        9,
                        12,
                        0.8,
                        ZERO,
                        HUNDRED));
    }
}
