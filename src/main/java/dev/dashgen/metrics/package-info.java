/** Figures several commands share, as pure functions of the model: money, the budget state (and flow metrics). */
package dev.dashgen.metrics;
