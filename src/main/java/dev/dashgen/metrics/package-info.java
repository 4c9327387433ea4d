/** Figures several commands share, as pure functions of the model: money, the budget state, flow metrics and the forecast (PRODUCT.md §4.4). */
package dev.dashgen.metrics;
