package org.mandate.feedback.web;

import org.mandate.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** 429: the client sent too many ratings; {@link #retryAfterSeconds()} goes into {@code Retry-After}. */
class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "error.feedback.tooMany", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
