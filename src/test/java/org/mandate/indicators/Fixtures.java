package org.mandate.indicators;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.mandate.Api;
import org.mandate.shared.Period;

/** Small builders for indicator tests: unique resolutions and indicators made through the API. */
public final class Fixtures {

    private Fixtures() {}

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    public static Period thisWeek() {
        return Period.of(Period.Type.WEEK, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /** A new resolution (slug returned) made by the steering secretariat. */
    public static String resolution(Api steering) {
        String slug = "it-" + unique().toLowerCase();
        Api.Response r = steering.post(
                "/api/v1/resolutions",
                "{\"slug\":\"" + slug + "\",\"number\":\"" + slug + "\",\"titles\":{\"vi\":\"Thử nghiệm\"}}");
        if (r.status() != 201) {
            throw new IllegalStateException(r.toString());
        }
        return slug;
    }

    /** A new indicator; extra is a JSON fragment appended to the body (may be empty). */
    public static String indicator(
            Api steering, String prefix, String periodicity, String aggregation, String resolution, String extra) {
        String code = prefix + "_" + unique();
        String body = "{\"code\":\"" + code + "\",\"names\":{\"vi\":\"Chỉ tiêu thử " + code + "\",\"en\":\"Test " + code
                + "\"},\"unit\":\"u\",\"direction\":\"HIGHER_IS_BETTER\",\"periodicity\":\"" + periodicity
                + "\",\"aggregation\":\"" + aggregation + "\""
                + (resolution == null ? "" : ",\"resolution\":\"" + resolution + "\"")
                + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
        Api.Response r = steering.post("/api/v1/indicators", body);
        if (r.status() != 201) {
            throw new IllegalStateException(r.toString());
        }
        return code;
    }

    public static String value(String indicator, String unit, String period, String value) {
        return "{\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + unit + "\",\"period\":\"" + period
                + "\",\"value\":\"" + value + "\"}";
    }
}
