package org.mandate.bottlenecks;

/** What kind of obstacle: institutional/legal, capital, land/site, human resources, coordination, technology. */
public enum BottleneckType {
    INSTITUTIONAL,
    CAPITAL,
    LAND,
    HUMAN_RESOURCES,
    COORDINATION,
    TECHNOLOGY,
    OTHER
}
