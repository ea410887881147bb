package org.mandate.publication;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the public templates ask of a snapshot: texts in the reader's language, lookups and relative
 * links. Links are relative so the same pages work on the live site and from a static export folder.
 */
public class PublicView {

    private final Map<String, Object> snap;
    private final String lang;
    private final Map<String, Map<String, Object>> unitsByCode;

    PublicView(Map<String, Object> snap, String lang) {
        this.snap = snap;
        this.lang = lang;
        this.unitsByCode = list(snap, "orgUnits").stream()
                .collect(Collectors.toMap(u -> (String) u.get("code"), u -> u, (a, b) -> a));
    }

    public String lang() {
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** A {vi,en,fr,ru} map in the reader's language, falling back to English then Vietnamese. */
    @SuppressWarnings("unchecked")
    public String text(Object localized) {
        if (!(localized instanceof Map<?, ?> m)) {
            return localized == null ? "" : localized.toString();
        }
        Map<String, Object> t = (Map<String, Object>) m;
        for (String l : new String[] {lang, "en", "vi", "fr", "ru"}) {
            Object v = t.get(l);
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return "";
    }

    public List<Map<String, Object>> resolutions() {
        return list(snap, "resolutions");
    }

    public Map<String, Object> resolution(String slug) {
        return resolutions().stream()
                .filter(r -> slug.equals(r.get("slug")))
                .findFirst()
                .orElse(null);
    }

    public List<Map<String, Object>> units(String level) {
        return list(snap, "orgUnits").stream()
                .filter(u -> level.equals(u.get("level")))
                .toList();
    }

    public List<Map<String, Object>> children(String code) {
        return list(snap, "orgUnits").stream()
                .filter(u -> code.equals(u.get("parent")))
                .toList();
    }

    public Map<String, Object> unit(String code) {
        return unitsByCode.get(code);
    }

    public String unitName(String code) {
        Map<String, Object> u = unit(code);
        return u == null ? Objects.toString(code, "") : text(u.get("names"));
    }

    public String resolutionLink(String slug) {
        return "resolution-" + slug + ".html";
    }

    public String unitLink(String code) {
        return "unit-" + code + ".html";
    }

    public boolean sample() {
        return Boolean.TRUE.equals(snap.get("sampleData"));
    }

    public Object get(String key) {
        return snap.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
