package org.mandate.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Interface language: Vietnamese by default, switched with {@code ?lang=en|fr|ru|vi} and kept in a cookie. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ru"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("mandate-lang");
        resolver.setDefaultLocaleFunction(request -> {
            // An API client's Accept-Language is honoured; a browser with no choice yet sees Vietnamese.
            Locale asked = request.getLocale();
            String header = request.getHeader("Accept-Language");
            if (header != null && request.getRequestURI().startsWith("/api/")) {
                for (Locale l : LANGUAGES) {
                    if (l.getLanguage().equals(asked.getLanguage())) {
                        return l;
                    }
                }
            }
            return LANGUAGES.get(0);
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Static files only under their own prefixes. Boot's default maps every path to static locations, and
     * the webjars URL rewriting then probes the classpath for every link a page builds (half a second for
     * the bottleneck board's 500 rows).
     */
    @Override
    public void addResourceHandlers(
            org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry registry) {
        org.springframework.http.CacheControl hour = org.springframework.http.CacheControl.maxAge(Duration.ofHours(1))
                .cachePublic();
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(hour);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(hour);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(hour)
                .resourceChain(true)
                .addResolver(new org.springframework.web.servlet.resource.LiteWebJarsResourceResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
