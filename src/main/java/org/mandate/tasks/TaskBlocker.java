package org.mandate.tasks;

/** Something outside the task that blocks it, recorded by another module (for example a bottleneck). */
public record TaskBlocker(String source, String ref, String label) {}
