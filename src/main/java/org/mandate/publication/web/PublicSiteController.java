package org.mandate.publication.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mandate.publication.PublicSite;
import org.mandate.publication.Publication;
import org.mandate.publication.PublicationManagement;
import org.mandate.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The live public site: the pages of the latest publication under {@code /public/}, and of any past one
 * under {@code /public/p/{id}/}. Bytes come from the rendered-page cache, never from live data. An address
 * under {@code /public/} that leads nowhere answers a readable page in the reader's language (the API keeps
 * its problem details).
 */
@RestController
class PublicSiteController {

    private final PublicationManagement publications;
    private final PublicSite site;

    PublicSiteController(PublicationManagement publications, PublicSite site) {
        this.publications = publications;
        this.site = site;
    }

    @GetMapping({"/public", "/public/"})
    RedirectView root() {
        return new RedirectView("/public/vi/index.html");
    }

    @GetMapping({"/public/{lang:vi|en|fr|ru}", "/public/{lang:vi|en|fr|ru}/"})
    RedirectView language(@PathVariable String lang) {
        return new RedirectView("/public/" + lang + "/index.html");
    }

    /**
     * Any two publications compared: {@code from} (by default the latest one a week older than {@code to}) and
     * {@code to} (by default the latest). Both are frozen, so the page is kept like theirs.
     */
    @GetMapping("/public/{lang:vi|en|fr|ru}/compare.html")
    ResponseEntity<byte[]> compare(
            @PathVariable String lang,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long from,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long to) {
        long after = to != null ? publications.get(to).id() : latest().id();
        long before = from != null
                ? publications.get(from).id()
                : site.weekBefore(after)
                        .orElseThrow(() -> new NotFoundException("publication", "previous"))
                        .id();
        return html(site.comparison(before, after, lang), from != null && to != null);
    }

    @GetMapping("/public/{lang:vi|en|fr|ru}/{page}.html")
    ResponseEntity<byte[]> latestPage(@PathVariable String lang, @PathVariable String page) {
        return html(site.page(latest().id(), lang, page), false);
    }

    @GetMapping("/public/p/{id}/{lang:vi|en|fr|ru}/{page}.html")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable String lang, @PathVariable String page) {
        return html(site.page(publications.get(id).id(), lang, page), true);
    }

    /**
     * A script or style sheet: gzip-compressed when the reader accepts it (compressed once, not per request),
     * kept for a year under its versioned name (the name changes with the content), an hour under the plain one.
     */
    @GetMapping({"/public/assets/{name:.+}", "/public/p/{id}/assets/{name:.+}"})
    ResponseEntity<byte[]> asset(
            @PathVariable String name,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Accept-Encoding", required = false)
                    String encodings) {
        PublicSite.Asset asset = site.asset(name);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(PublicationApi.mediaType(name))
                .cacheControl(
                        name.equals(asset.versionedName())
                                ? CacheControl.maxAge(java.time.Duration.ofDays(365))
                                        .cachePublic()
                                        .immutable()
                                : CacheControl.maxAge(java.time.Duration.ofHours(1))
                                        .cachePublic())
                .eTag("\"" + asset.version() + "\"")
                .header(org.springframework.http.HttpHeaders.VARY, "Accept-Encoding");
        if (acceptsGzip(encodings)) {
            return answer.header(org.springframework.http.HttpHeaders.CONTENT_ENCODING, "gzip")
                    .body(asset.gzipped());
        }
        return answer.body(asset.bytes());
    }

    /** True unless the reader refuses gzip ({@code gzip;q=0}) or does not list it. */
    static boolean acceptsGzip(String encodings) {
        if (encodings == null) {
            return false;
        }
        for (String part : encodings.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("*")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim().replace(" ", "");
                    if (q.equals("q=0") || q.matches("q=0\\.0*")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    @GetMapping("/public/data/{name:.+}")
    ResponseEntity<byte[]> latestData(@PathVariable String name) {
        return data(latest().id(), name);
    }

    @GetMapping("/public/p/{id}/data/{name:.+}")
    ResponseEntity<byte[]> data(@PathVariable long id, @PathVariable String name) {
        return ResponseEntity.ok()
                .contentType(PublicationApi.mediaType(name))
                .body(site.dataFile(publications.get(id).id(), name));
    }

    /** Any other address under {@code /public/} (the feedback, appraisal and supervision pages map their own). */
    @GetMapping("/public/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw new NotFoundException("page", request.getRequestURI());
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<byte[]> notFound(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(org.springframework.http.MediaType.parseMediaType(HTML))
                .cacheControl(CacheControl.noStore())
                .header("Content-Language", readerLanguage(request))
                .body(site.notFound(readerLanguage(request), path));
    }

    private static final Pattern PATH_LANGUAGE = Pattern.compile("/public/(?:p/[^/]+/)?(vi|en|fr|ru)(?:/.*)?");

    /**
     * The language of the address ({@code /public/en/...}), else the one the reader chose on the site (its
     * cookie), else the first of the browser's languages the site speaks, else Vietnamese.
     */
    static String readerLanguage(HttpServletRequest request) {
        Matcher m = PATH_LANGUAGE.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (m.matches()) {
            return m.group(1);
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals("mandate-lang") && PublicSite.LANGUAGES.contains(c.getValue())) {
                    return c.getValue();
                }
            }
        }
        for (Locale l : java.util.Collections.list(request.getLocales())) {
            if (request.getHeader("Accept-Language") != null && PublicSite.LANGUAGES.contains(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "vi";
    }

    private Publication latest() {
        return publications.latest().orElseThrow(() -> new NotFoundException("publication", "latest"));
    }

    /** Past publications never change; the latest is re-checked after a minute. */
    static CacheControl pageCache(boolean immutable) {
        return immutable
                ? CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePublic()
                : CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();
    }

    static final String HTML = "text/html;charset=UTF-8";

    private static ResponseEntity<byte[]> html(byte[] bytes, boolean immutable) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(HTML))
                .cacheControl(pageCache(immutable))
                .body(bytes);
    }
}
