/** Writing a site into its output folder: atomic file swaps, the manifest, the guard on the folder and the lock on it. */
package dev.dashgen.output;
