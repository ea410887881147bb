package org.mandate.tasks;

import java.time.Instant;

/** One delivery-confidence rating of a task: the step, the reason given, who set it and when. */
public record Confidence(long id, long taskId, ConfidenceRating rating, String reason, String setBy, Instant setAt) {}
