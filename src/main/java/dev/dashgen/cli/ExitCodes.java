package dev.dashgen.cli;

/** Exit codes of PRODUCT.md §1. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    public static final int IO = 3;
    public static final int OVER_BUDGET = 4;

    private ExitCodes() {}
}
