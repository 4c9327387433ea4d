/** {@code dashgen serve}: the Jetty preview server, the file watcher, incremental rebuilds and live reload. */
package dev.dashgen.serve;
