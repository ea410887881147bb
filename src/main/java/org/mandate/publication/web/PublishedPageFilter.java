package org.mandate.publication.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mandate.publication.PublicSite;
import org.mandate.publication.Publication;
import org.mandate.publication.PublicationManagement;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The fast path of the published site. A page that is already rendered is written straight from memory,
 * ahead of the security chain and the MVC dispatch, which cost several times the copy itself when
 * thousands of readers a second ask for the same frozen bytes. Everything else (a page not rendered yet,
 * an unknown page, any other method) goes on to {@link PublicSiteController}, which renders and caches it.
 * The answer carries the same headers as the controller's. Character encoding does not matter here: the bytes
 * are UTF-8 already and say so.
 */
class PublishedPageFilter extends OncePerRequestFilter {

    private static final Pattern LATEST = Pattern.compile("/public/(vi|en|fr|ru)/([A-Za-z0-9_.-]+)\\.html");
    private static final Pattern PAST =
            Pattern.compile("/public/p/([0-9]{1,18})/(vi|en|fr|ru)/([A-Za-z0-9_.-]+)\\.html");

    private final PublicationManagement publications;
    private final PublicSite site;
    private final Counter served;

    PublishedPageFilter(PublicationManagement publications, PublicSite site, MeterRegistry meters) {
        this.publications = publications;
        this.site = site;
        this.served = Counter.builder("mandate.public.pages.served")
                .description("Published pages answered from memory by the fast path")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] page = null;
        boolean past = false;
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Matcher latest = LATEST.matcher(path);
            Matcher old;
            if (latest.matches()) {
                Publication current = publications.latest().orElse(null);
                if (current != null) {
                    page = site.renderedPage(current.id(), latest.group(1), latest.group(2));
                }
            } else if ((old = PAST.matcher(path)).matches()) {
                past = true;
                page = site.renderedPage(Long.parseLong(old.group(1)), old.group(2), old.group(3));
            }
        }
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        served.increment();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PublicSiteController.HTML);
        response.setHeader("Cache-Control", PublicSiteController.pageCache(past).getHeaderValue());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setContentLength(page.length);
        if (method.equals("GET")) {
            response.getOutputStream().write(page);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<PublishedPageFilter> publishedPageFilter(
                PublicationManagement publications, PublicSite site, MeterRegistry meters) {
            FilterRegistrationBean<PublishedPageFilter> registration =
                    new FilterRegistrationBean<>(new PublishedPageFilter(publications, site, meters));
            registration.addUrlPatterns("/public/*");
            // First of all filters: the per-request observation alone cost more than serving the bytes (the
            // overview made about half the requests a second behind it), so these pages are counted by a
            // plain counter instead of timed one by one. Only the security headers (shared) come before.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
