/**
 * Dated snapshot reports (PRODUCT.md §7): what a work tree and its cost looked like on a day and what changed since
 * the previous snapshot, as Markdown and JSON meant to be committed; and the Markdown they, and the CI step
 * summary, are written in.
 */
package dev.dashgen.snapshot;
