/** Rendering: which pages a site has, rendering them to bytes with Pebble and Jackson, and writing them out. */
package dev.dashgen.site;
