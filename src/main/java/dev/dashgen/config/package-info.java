/** {@code dashgen.yaml}: the configuration values and their parser. */
package dev.dashgen.config;
