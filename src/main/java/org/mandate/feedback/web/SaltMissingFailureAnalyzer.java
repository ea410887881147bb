package org.mandate.feedback.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing feedback salt into Spring Boot's "APPLICATION FAILED TO START" report, saying what to set,
 * instead of a stack trace (registered in {@code META-INF/spring.factories}).
 */
class SaltMissingFailureAnalyzer extends AbstractFailureAnalyzer<SaltMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SaltMissingException cause) {
        return new FailureAnalysis(SaltMissingException.DESCRIPTION, SaltMissingException.ACTION, cause);
    }
}
