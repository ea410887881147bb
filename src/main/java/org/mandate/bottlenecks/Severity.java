package org.mandate.bottlenecks;

public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
