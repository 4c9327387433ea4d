package dev.dashgen.metrics;

import java.math.BigDecimal;
import java.util.Arrays;

/** The percentile definitions PRODUCT.md §4.4 names, computed exactly. */
public final class Percentiles {
    public static final BigDecimal P50 = new BigDecimal("0.50");
    public static final BigDecimal P85 = new BigDecimal("0.85");
    public static final BigDecimal P95 = new BigDecimal("0.95");

    private Percentiles() {}

    /**
     * Linear interpolation between closest ranks (R-7, spreadsheets' PERCENTILE.INC): with the values sorted,
     * h = (n − 1)·p, the value at ⌊h⌋ plus (h − ⌊h⌋) of the step to the next. Exact in decimal, trailing zeros
     * stripped (7.65, not 7.6499999); null for no values.
     */
    public static BigDecimal r7(int[] values, BigDecimal p) {
        if (values.length == 0) return null;
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        BigDecimal h = p.multiply(BigDecimal.valueOf(sorted.length - 1L));
        int low = h.intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
        BigDecimal value = BigDecimal.valueOf(sorted[low]);
        if (low + 1 < sorted.length && fraction.signum() > 0) {
            value = value.add(fraction.multiply(BigDecimal.valueOf((long) sorted[low + 1] - sorted[low])));
        }
        return plain(value);
    }

    /** The ⌈p·n⌉-th smallest of {@code sorted} (ascending), 1-based: the nearest-rank percentile. */
    public static int nearestRank(int n, BigDecimal p) {
        return p.multiply(BigDecimal.valueOf(n)).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
    }

    /**
     * The share of {@code ascending} (sorted) values strictly below {@code x}, in whole percent rounded down: a task aged
     * {@code x} days is older than this percentage of the values, never more. Null for no values.
     */
    public static Integer rankBelow(int[] ascending, int x) {
        if (ascending.length == 0) return null;
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid] < x) low = mid + 1;
            else high = mid;
        }
        return (int) ((long) low * 100 / ascending.length);
    }

    /** A decimal without trailing zeros that prints without an exponent: 10, not 1E+1. */
    static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
