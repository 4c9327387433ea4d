/**
 * The one pipeline from inputs to a site, for every command: where inputs are ({@link dev.dashgen.engine.Project}),
 * reading them and following their changes ({@link dev.dashgen.engine.Inputs}, {@link dev.dashgen.engine.Change}),
 * and the incremental build {@code next = build(inputs, previous, change)} ({@link dev.dashgen.engine.Engine}).
 */
package dev.dashgen.engine;
