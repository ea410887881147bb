package org.mandate.indicators.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.mandate.indicators.Indicator;
import org.mandate.indicators.Indicator.Aggregation;
import org.mandate.indicators.Indicator.Baseline;
import org.mandate.indicators.Indicator.Direction;
import org.mandate.indicators.Indicator.Periodicity;
import org.mandate.indicators.Indicator.Target;
import org.mandate.indicators.IndicatorManagement;
import org.mandate.indicators.IndicatorManagement.IndicatorDefinition;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.mandate.shared.LocalizedText;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicator catalogue over HTTP: {@code /api/v1/indicators}. */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorApi {

    private final IndicatorManagement indicators;

    IndicatorApi(IndicatorManagement indicators) {
        this.indicators = indicators;
    }

    record IndicatorJson(
            String code,
            LocalizedText names,
            String unit,
            Direction direction,
            Periodicity periodicity,
            Aggregation aggregation,
            String weightIndicator,
            Baseline baseline,
            List<Target> targets,
            String formula,
            String resolution,
            BigDecimal plausibleMin,
            BigDecimal plausibleMax,
            boolean sample,
            long version) {

        static IndicatorJson of(Indicator i) {
            return new IndicatorJson(
                    i.code(),
                    i.names(),
                    i.unit(),
                    i.direction(),
                    i.periodicity(),
                    i.aggregation(),
                    i.weightIndicator(),
                    i.baseline(),
                    i.targets(),
                    i.formula(),
                    i.resolution(),
                    i.plausibleMin(),
                    i.plausibleMax(),
                    i.sample(),
                    i.version());
        }
    }

    @GetMapping
    PageResult<IndicatorJson> list(
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Indicator> all = resolution == null ? indicators.all() : indicators.ofResolution(resolution);
        List<IndicatorJson> items = all.stream()
                .skip(paging.offset())
                .limit(paging.size())
                .map(IndicatorJson::of)
                .toList();
        return new PageResult<>(items, paging.page(), paging.size(), all.size());
    }

    @GetMapping("/{code}")
    IndicatorJson get(@PathVariable String code) {
        return IndicatorJson.of(indicators.get(code));
    }

    @PostMapping
    ResponseEntity<IndicatorJson> create(@RequestBody IndicatorDefinition body) {
        Indicator created = indicators.create(Actor.require(), body);
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + created.code()))
                .body(IndicatorJson.of(created));
    }

    @PatchMapping("/{code}")
    IndicatorJson update(@PathVariable String code, @RequestBody IndicatorDefinition body) {
        if (body.code() != null && !body.code().equals(code)) {
            throw new InvalidInputException("code", "error.immutable");
        }
        return IndicatorJson.of(indicators.update(Actor.require(), code, body));
    }
}
