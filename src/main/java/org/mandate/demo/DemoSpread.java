package org.mandate.demo;

import java.util.Random;

/**
 * How well each sample unit performs, so that the sample tasks, reports and figures of one unit agree with
 * one another and differ between units: the ranking, the tile grid and the changes page then show a real
 * spread. Deterministic: the same unit gets the same figure on every start.
 */
final class DemoSpread {

    static final long SEED = 2026;

    private DemoSpread() {}

    /** A unit's performance between 0.15 (poor) and 0.95 (good), fixed by its code. */
    static double performance(String unitCode) {
        return 0.15 + 0.8 * new Random(SEED * 31 + unitCode.hashCode()).nextDouble();
    }

    /** A random source for one unit and one purpose, fixed by both. */
    static Random random(String unitCode, String purpose) {
        return new Random(SEED + 131L * unitCode.hashCode() + purpose.hashCode());
    }
}
