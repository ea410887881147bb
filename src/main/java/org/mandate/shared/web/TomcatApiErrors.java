package org.mandate.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * The container's own errors on {@code /api/**} as problem details. Tomcat answers some requests before the
 * application sees them (a body over the multipart limit, a bad URL); its error report is replaced by one
 * that writes {@code application/problem+json} for API paths and Tomcat's usual page elsewhere. An encoded
 * {@code /} in a path is passed through by Tomcat so that {@link ApiRequestGuard} refuses it with problem
 * details (Tomcat's own refusal happens before any valve or filter could answer), and {@code 100 Continue} is
 * sent only when the application reads a body.
 */
@Configuration
class TomcatApiErrors {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> apiErrorReports() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                // "100 Continue" only once the application reads the body: a client that asks first gets a
                // 413 for a body over the limit without sending it.
                connector.setProperty("continueResponseTiming", "onRead");
            });
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(v);
                    }
                }
                ApiErrorReportValve valve = new ApiErrorReportValve();
                valve.setShowReport(false);
                valve.setShowServerInfo(false);
                host.getPipeline().addValve(valve);
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                }
            });
        };
    }

    /** Tomcat's error report, as problem details for API paths. */
    public static class ApiErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            // A request line too long to parse has no URI yet: answered as the API would (pages never send such).
            if (uri != null && !uri.isEmpty() && !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String key = status == 413 ? "error.tooLarge" : status >= 500 ? "error.unexpected" : "error.badRequest";
            String detail = text(request.getLocale(), key);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                            + ",\"detail\":\"" + escape(detail) + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone: nothing more to say.
            }
        }

        private static String text(Locale locale, String key) {
            try {
                return ResourceBundle.getBundle("i18n/messages", locale == null ? Locale.ENGLISH : locale)
                        .getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
        }

        private static String escape(String s) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
