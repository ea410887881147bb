package org.mandate.shared.web;

import java.util.Set;
import org.mandate.shared.Figures;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #fmt} in every template (staff pages, public pages, PDFs): the {@link Figures} of the page's
 * locale, so every number is written by the one formatter, e.g. {@code ${#fmt.number(x)}},
 * {@code ${#fmt.money(x)}}, {@code ${#fmt.percent(x)}}, {@code ${#fmt.year(y)}}, {@code ${#fmt.dateTime(t)}} (in
 * the application's zone).
 */
@Component
class FiguresDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "fmt";

    private final java.time.ZoneId zone;

    FiguresDialect(java.time.Clock clock) {
        super("mandate-figures");
        this.zone = clock.getZone();
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName)
                        ? Figures.of(context.getLocale()).in(zone)
                        : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
