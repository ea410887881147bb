package org.mandate.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mandate.shared.Checks;
import org.mandate.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every API request before any work is done on it. A body may be at most
 * {@code mandate.limits.json-size} (4 MB by default), imports (data values, task imports, any multipart or
 * CSV/XLSX body) {@code mandate.limits.import-size} (100 MB): a declared length beyond is answered 413 at
 * once, a streamed body is cut at the limit as it is read (413 too), so that no body is ever held whole.
 * Query parameters and path segments holding NUL, control characters or broken UTF-8 are refused as 400
 * naming the parameter, before the database could choke on them. Answers are problem details.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiRequestGuard extends OncePerRequestFilter {

    private static final List<String> IMPORT_PATHS =
            List.of("/api/v1/data-values", "/api/v1/dataValueSets", "/api/v1/tasks/import");

    /** What is read and dropped after a body went over its limit (see {@link #drain}). */
    private static final long DRAIN = 4L * 1024 * 1024;

    private final long jsonLimit;
    private final long importLimit;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiRequestGuard(
            @Value("${mandate.limits.json-size:4MB}") DataSize jsonLimit,
            @Value("${mandate.limits.import-size:100MB}") DataSize importLimit,
            MessageSource messages,
            LocaleResolver locales,
            JsonMapper json) {
        this.jsonLimit = jsonLimit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The most bytes a request's body may have: imports and files get the import limit. */
    long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (IMPORT_PATHS.contains(path) || type.startsWith("multipart/") || !type.contains("json")) {
            return importLimit;
        }
        return jsonLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bad = badParameter(request);
        if (bad != null) {
            write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "path".equals(bad) ? "error.badPath" : "error.invalid",
                    new Object[0],
                    bad,
                    "error.badText");
            return;
        }
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "error.bodyTooLarge",
                    new Object[] {limit},
                    null,
                    null);
            return;
        }
        Bounded bounded = new Bounded(request, limit);
        try {
            chain.doFilter(bounded, response);
        } finally {
            if (bounded.overflowed() || response.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                drain(request);
            }
        }
    }

    /**
     * Reads (and drops) a little of what the client still sends after a 413, so that closing the connection
     * does not reset it before the client has read the answer; beyond that the connection is simply closed.
     */
    private static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAIN;
        try {
            var in = request.getInputStream();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The client gave up: nothing to drain.
        }
    }

    /** The name of the first query parameter (or "path") that is not plain text, or null. */
    private static String badParameter(HttpServletRequest request) {
        String path = request.getRequestURI();
        String lower = path.toLowerCase(Locale.ROOT);
        // An encoded "/" or "\" (passed through by Tomcat, see TomcatApiErrors) names no API resource.
        if (!plain(path) || lower.contains("%2f") || lower.contains("%5c")) {
            return "path";
        }
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!plain(value) || !plain(name)) {
                String shown = decodeOrNull(name);
                return shown == null || !Checks.isPlainText(shown) ? "query" : shown;
            }
        }
        return null;
    }

    private static boolean plain(String encoded) {
        String decoded = decodeOrNull(encoded);
        return decoded != null && Checks.isPlainText(decoded) && !decoded.contains("\uFFFD");
    }

    private static String decodeOrNull(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String key,
            Object[] args,
            String field,
            String fieldKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, args, key, locale));
        body.setTitle(status.getReasonPhrase());
        if (field != null) {
            body.setProperty(
                    "errors",
                    List.of(Map.of("field", field, "message", messages.getMessage(fieldKey, null, fieldKey, locale))));
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        // The rest of an over-long body is not read: the connection closes after this answer.
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            response.setHeader("Connection", "close");
        }
        json.writeValue(response.getOutputStream(), body);
    }

    /** 413: the body went past its limit while it was read. */
    static final class BodyTooLarge extends ProblemException {
        BodyTooLarge(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, "error.bodyTooLarge", limit);
        }
    }

    /** The request with a body that stops at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        boolean overflowed() {
            return stream instanceof Counting c && c.overflowed;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;
        private boolean overflowed;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void add(long n) {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    overflowed = true;
                    throw new BodyTooLarge(limit);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            add(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }
}
