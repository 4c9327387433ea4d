/** Flow metrics and the Monte Carlo forecast (PRODUCT.md §4.4): pure functions of tasks, history, now and config. */
package dev.dashgen.metrics;
