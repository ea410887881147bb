package org.mandate.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mandate.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public website of a publication: every page rendered from the frozen snapshot, once, then served
 * from memory. The static export writes exactly these bytes to files.
 */
@Component
public class PublicSite {

    public static final List<String> LANGUAGES = List.of("vi", "en", "fr", "ru");

    /** Files the pages load, served from the classpath under {@code assets/}. */
    static final Map<String, String> ASSETS = Map.of(
            "mandate.css", "static/css/mandate.css",
            "public.js", "static/js/public.js",
            "echarts.min.js", "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js",
            // The 34 provinces' boundaries, simplified (geo/README.md): a script, so the export opens from files.
            "vn-provinces.js", "static/geo/vn-provinces.js");

    private final PublicationManagement publications;
    private final TemplateEngine templates;
    private final OpenData openData;
    private final org.springframework.context.MessageSource messages;
    private final Cache<Long, PublicView.Index> indexes =
            Caffeine.newBuilder().maximumSize(2).build();
    private final Cache<String, byte[]> pages = Caffeine.newBuilder()
            .maximumWeight(128L << 20)
            .weigher((String k, byte[] v) -> v.length)
            .build();

    PublicSite(
            PublicationManagement publications,
            TemplateEngine templates,
            OpenData openData,
            org.springframework.context.MessageSource messages) {
        this.publications = publications;
        this.templates = templates;
        this.openData = openData;
        this.messages = messages;
    }

    /** A page of a publication in a language: {@code index}, {@code resolution-<slug>}, {@code unit-<code>}... */
    public byte[] page(long publicationId, String lang, String page) {
        if (!LANGUAGES.contains(lang)) {
            throw new NotFoundException("language", lang);
        }
        return pages.get(pageKey(publicationId, lang, page), k -> render(publicationId, lang, page));
    }

    /** The page if it is already rendered, else null: the fast path serves only bytes that exist. */
    public byte[] renderedPage(long publicationId, String lang, String page) {
        return pages.getIfPresent(pageKey(publicationId, lang, page));
    }

    private static String pageKey(long publicationId, String lang, String page) {
        return publicationId + "/" + lang + "/" + page;
    }

    /**
     * A file the pages load: its bytes, the same gzip-compressed once (echarts.min.js is 1 MB, a third of that
     * compressed), and a name that changes with its content ({@code echarts.min-<hash>.js}) so that readers
     * may keep it for a year.
     */
    public record Asset(String name, String versionedName, String version, byte[] bytes, byte[] gzipped) {}

    private final Map<String, Asset> assets = new java.util.concurrent.ConcurrentHashMap<>();

    /** An asset by its plain or its versioned name. */
    public Asset asset(String name) {
        Asset known = assets.get(name);
        if (known != null) {
            return known;
        }
        for (String plain : ASSETS.keySet()) {
            Asset a = assets.computeIfAbsent(plain, PublicSite::load);
            assets.putIfAbsent(a.versionedName(), a);
        }
        Asset a = assets.get(name);
        if (a == null) {
            throw new NotFoundException("asset", name);
        }
        return a;
    }

    /** Each asset's plain name with the versioned name the pages link to. */
    public Map<String, String> assetLinks() {
        Map<String, String> links = new java.util.TreeMap<>();
        ASSETS.keySet().forEach(name -> links.put(name, asset(name).versionedName()));
        return links;
    }

    private static Asset load(String name) {
        byte[] bytes = read(ASSETS.get(name));
        String version = Digests.sha256(bytes).substring(0, 12);
        int dot = name.lastIndexOf('.');
        String versioned = name.substring(0, dot) + "-" + version + name.substring(dot);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 3);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Asset(name, versioned, version, bytes, out.toByteArray());
    }

    public byte[] dataFile(long publicationId, String name) {
        if (name.equals("publication.json")) {
            // The exact bytes the digest covers, never a re-serialisation.
            return publications.content(publicationId);
        }
        return pages.get(publicationId + "/data/" + name, k -> openData.file(publications.model(publicationId), name));
    }

    /**
     * The page comparing any two publications ({@code from} before, {@code to} after), in a language, rendered
     * once: both are frozen. The static export holds the default one (a week before, else the previous
     * publication) as {@code compare.html}, beside its "what changed" page.
     */
    public byte[] comparison(long from, long to, String lang) {
        if (!LANGUAGES.contains(lang)) {
            throw new NotFoundException("language", lang);
        }
        publications.get(from);
        publications.get(to);
        return pages.get(to + "/" + lang + "/compare-" + from, k -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("from", publications.get(from));
            extra.put("changes", Changes.between(publications.model(from), publications.model(to)));
            return render(to, lang, "compare", extra);
        });
    }

    /** The publication a comparison starts from by default: the latest one a week older, else the previous. */
    public java.util.Optional<Publication> weekBefore(long to) {
        Publication p = publications.get(to);
        Publication week = olderBy(
                publications.list(org.mandate.shared.Paging.of(0, 100)).items(), p, java.time.Duration.ofDays(7));
        return week != null ? java.util.Optional.of(week) : publications.before(to);
    }

    /** What changed between two publications, for the API. */
    public Changes changes(long from, long to) {
        publications.get(from);
        publications.get(to);
        return Changes.between(publications.model(from), publications.model(to));
    }

    /** Every page name of a publication (without language), for the static export. */
    public List<String> pageNames(long publicationId) {
        PublicView view = new PublicView(publications.model(publicationId), "vi");
        List<String> names =
                new ArrayList<>(List.of("index", "changes", "publications", "data", "units", "rebaselines"));
        view.resolutions().forEach(r -> names.add("resolution-" + r.get("slug")));
        PublicView.list(publications.model(publicationId), "orgUnits").forEach(u -> names.add("unit-" + u.get("code")));
        return names;
    }

    /** Writes the whole public site of a publication to {@code dir}: pages, assets and open data. */
    public int export(long publicationId, Path dir) {
        try {
            int files = 0;
            for (String lang : LANGUAGES) {
                Path langDir = Files.createDirectories(dir.resolve(lang));
                for (String name : pageNames(publicationId)) {
                    // Rendered without filling the page cache: 13,000 national pages would only evict the
                    // readers' hot pages, and the heap is better spent on the publication's model.
                    byte[] html = renderedPage(publicationId, lang, name);
                    Files.write(
                            langDir.resolve(name + ".html"), html != null ? html : render(publicationId, lang, name));
                    files++;
                }
                // The comparison with the publication a week before (else the previous one), as the live
                // site's compare.html shows it by default.
                java.util.Optional<Publication> before = weekBefore(publicationId);
                if (before.isPresent()) {
                    Files.write(
                            langDir.resolve("compare.html"),
                            comparison(before.get().id(), publicationId, lang));
                    files++;
                }
            }
            Path assetDir = Files.createDirectories(dir.resolve("assets"));
            // Under the plain name and the versioned one the pages link to, with a gzip copy beside it for a web
            // server that serves precompressed files (nginx's gzip_static).
            for (String name : ASSETS.keySet()) {
                Asset asset = asset(name);
                Files.write(assetDir.resolve(name), asset.bytes());
                Files.write(assetDir.resolve(asset.versionedName()), asset.bytes());
                Files.write(assetDir.resolve(asset.versionedName() + ".gz"), asset.gzipped());
                files += 3;
            }
            Path data = Files.createDirectories(dir.resolve("data"));
            for (String name : OpenData.FILES) {
                Files.write(data.resolve(name), dataFile(publicationId, name));
                files++;
            }
            Files.writeString(
                    dir.resolve("index.html"),
                    "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url=vi/index.html\"><title>Mandate</title></head><body><a href=\"vi/index.html\">Mandate</a></body></html>",
                    StandardCharsets.UTF_8);
            return files + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the pages read of a publication, in a language. */
    PublicView view(long publicationId, String lang) {
        Map<String, Object> snap = publications.model(publicationId);
        Locale locale = Locale.forLanguageTag(lang);
        return new PublicView(
                snap,
                lang,
                (key, args) -> messages.getMessage(key, args, key, locale),
                indexes.get(publicationId, k -> new PublicView.Index(snap)));
    }

    /** The public site's language closest to a locale: one of {@link #LANGUAGES}, Vietnamese by default. */
    static String language(Locale locale) {
        String l = locale == null ? "" : locale.getLanguage();
        return LANGUAGES.contains(l) ? l : "vi";
    }

    private byte[] render(long publicationId, String lang, String page) {
        return render(publicationId, lang, page, Map.of());
    }

    private byte[] render(long publicationId, String lang, String page, Map<String, Object> extra) {
        Publication publication = publications.get(publicationId);
        Map<String, Object> snap = publications.model(publicationId);
        Locale locale = Locale.forLanguageTag(lang);
        PublicView view = view(publicationId, lang);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("v", view);
        vars.put("lang", lang);
        vars.put("page", page);
        vars.put("publication", publication);
        vars.put("assets", assetLinks());
        // ECharts (a third of a megabyte compressed) only where a chart is drawn.
        vars.put(
                "charts",
                page.equals("index")
                        || page.equals("units")
                        || page.startsWith("resolution-")
                        || page.startsWith("unit-") && view.hasSummary(page.substring(5)));
        vars.put("map", page.equals("index"));
        vars.putAll(extra);
        String template;
        if (page.equals("compare") && extra.containsKey("changes")) {
            template = "public/compare";
            vars.put("query", "?from=" + ((Publication) extra.get("from")).id() + "&to=" + publicationId);
            vars.put(
                    "publications",
                    publications.list(org.mandate.shared.Paging.of(0, 100)).items());
        } else if (page.equals("index")) {
            template = "public/index";
        } else if (page.equals("changes")) {
            template = "public/changes";
            Publication previous = publications.before(publicationId).orElse(null);
            vars.put("previous", previous);
            vars.put(
                    "changes",
                    previous == null ? Changes.none() : Changes.between(publications.model(previous.id()), snap));
            // "Since last week" and "since last month": the latest publications at least 7 and 28 days older.
            List<Publication> all =
                    publications.list(org.mandate.shared.Paging.of(0, 100)).items();
            vars.put("publications", all);
            vars.put("weekBefore", olderBy(all, publication, java.time.Duration.ofDays(7)));
            vars.put("monthBefore", olderBy(all, publication, java.time.Duration.ofDays(28)));
        } else if (page.equals("publications")) {
            template = "public/publications";
            vars.put(
                    "publications",
                    publications.list(org.mandate.shared.Paging.of(0, 100)).items());
        } else if (page.equals("data")) {
            template = "public/data";
            vars.put("files", OpenData.FILES);
        } else if (page.equals("units")) {
            template = "public/units";
        } else if (page.equals("rebaselines")) {
            template = "public/rebaselines";
            Publication previous = publications.before(publicationId).orElse(null);
            vars.put("previous", previous);
            // New since the previous publication: the changes its log did not hold yet.
            java.util.Set<Object> before = new java.util.HashSet<>();
            if (previous != null) {
                PublicView.list(publications.model(previous.id()), "rebaselines")
                        .forEach(r -> before.add(PublicView.Index.key(r.get("id"))));
            }
            vars.put("before", before);
        } else if (page.startsWith("resolution-") && view.resolution(page.substring(11)) != null) {
            template = "public/resolution";
            vars.put("r", view.resolution(page.substring(11)));
        } else if (page.startsWith("unit-") && view.unit(page.substring(5)) != null) {
            template = "public/unit";
            vars.put("u", view.unit(page.substring(5)));
        } else {
            throw new NotFoundException("page", page);
        }
        Context context = new Context(locale, vars);
        return templates.process(template, context).getBytes(StandardCharsets.UTF_8);
    }

    private static Publication olderBy(List<Publication> all, Publication p, java.time.Duration age) {
        return all.stream()
                .filter(o -> !o.publishedAt().isAfter(p.publishedAt().minus(age)))
                .findFirst()
                .orElse(null);
    }

    /**
     * The page a reader sees for a mistyped public address, in their language: what went wrong and where to
     * go from here. Not cached: the address is part of it.
     */
    public byte[] notFound(String lang, String path) {
        String language = LANGUAGES.contains(lang) ? lang : "vi";
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("lang", language);
        vars.put("path", path.length() > 200 ? path.substring(0, 200) + "…" : path);
        vars.put("css", "/public/assets/" + asset("mandate.css").versionedName());
        return templates
                .process("public/not-found", new Context(Locale.forLanguageTag(language), vars))
                .getBytes(StandardCharsets.UTF_8);
    }

    static Set<String> languages() {
        return Set.copyOf(LANGUAGES);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new NotFoundException("asset", path);
        }
    }
}
