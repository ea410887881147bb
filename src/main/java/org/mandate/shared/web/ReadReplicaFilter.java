package org.mandate.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mandate.shared.ReadReplica;
import org.mandate.shared.ThreadScope;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sends read-only public requests to the read replica, when one is configured ({@link ReadReplica}). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnExpression("!'${mandate.datasource.replica.url:}'.isBlank()")
class ReadReplicaFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isReadOnlyPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        try (ThreadScope scope = ReadReplica.publicRead()) {
            chain.doFilter(request, response);
        }
    }

    static boolean isReadOnlyPublic(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/public/") || path.startsWith("/public/");
    }
}
