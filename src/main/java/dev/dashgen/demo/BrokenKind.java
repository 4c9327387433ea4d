package dev.dashgen.demo;

/**
 * The ways a demo task file is broken on purpose, one problem kind of PRODUCT.md §2 each. The
 * order is the cycle the generator follows; a dangling dependency comes before the duplicate id so
 * that, even when every task is broken, the duplicate has a readable id to copy.
 */
public enum BrokenKind {
    UNPARSEABLE_YAML,
    DANGLING_DEPENDENCY,
    DUPLICATE_ID,
    NOT_A_MAPPING,
    UNREADABLE_TIMESTAMP,
    NOT_UTF8
}
