package org.mandate.publication.web;

import org.mandate.publication.PublicSite;
import org.mandate.publication.Publication;
import org.mandate.publication.PublicationManagement;
import org.mandate.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The live public site: the pages of the latest publication under {@code /public/}, and of any past one
 * under {@code /public/p/{id}/}. Bytes come from the rendered-page cache, never from live data.
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

    @GetMapping("/public/{lang:vi|en|fr|ru}/{page}.html")
    ResponseEntity<byte[]> latestPage(@PathVariable String lang, @PathVariable String page) {
        return html(site.page(latest().id(), lang, page), false);
    }

    @GetMapping("/public/p/{id}/{lang:vi|en|fr|ru}/{page}.html")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable String lang, @PathVariable String page) {
        return html(site.page(publications.get(id).id(), lang, page), true);
    }

    @GetMapping({"/public/assets/{name:.+}", "/public/p/{id}/assets/{name:.+}"})
    ResponseEntity<byte[]> asset(@PathVariable String name) {
        return ResponseEntity.ok()
                .contentType(PublicationApi.mediaType(name))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(site.asset(name));
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
