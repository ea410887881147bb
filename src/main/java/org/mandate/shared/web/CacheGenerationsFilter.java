package org.mandate.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mandate.shared.CacheGenerations;
import org.mandate.shared.ThreadScope;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** One read of the cache generations per request, however many cached figures the page shows. */
@Component
class CacheGenerationsFilter extends OncePerRequestFilter {

    private final CacheGenerations generations;

    CacheGenerationsFilter(CacheGenerations generations) {
        this.generations = generations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ThreadScope scope = generations.remember()) {
            chain.doFilter(request, response);
        }
    }
}
