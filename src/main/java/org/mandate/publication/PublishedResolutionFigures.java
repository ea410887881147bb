package org.mandate.publication;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mandate.resolutions.PublishedFigures;
import org.springframework.stereotype.Component;

/** The resolutions' headline figures as the latest publication froze them, for the pages of their texts. */
@Component
class PublishedResolutionFigures implements PublishedFigures {

    private final PublicationManagement publications;
    private final PublicSite site;

    PublishedResolutionFigures(PublicationManagement publications, PublicSite site) {
        this.publications = publications;
        this.site = site;
    }

    @Override
    public Map<String, Figures> latest(Locale locale) {
        Publication latest = publications.latest().orElse(null);
        if (latest == null) {
            return Map.of();
        }
        PublicView view = site.view(latest.id(), PublicSite.language(locale));
        Map<String, Figures> out = new LinkedHashMap<>();
        for (Map<String, Object> r : view.resolutions()) {
            String slug = (String) r.get("slug");
            Map<String, Object> f = view.resolutionSummary(slug);
            out.put(
                    slug,
                    new Figures(
                            latest.id(),
                            latest.publishedAt(),
                            PublicView.count(f.get("tasks")),
                            view.done(f),
                            f.get("percentDone") instanceof Number n ? n.doubleValue() : 0,
                            PublicView.count(f.get("overdue")),
                            view.openBottlenecks(f),
                            view.headline("resolution", slug)));
        }
        return out;
    }
}
