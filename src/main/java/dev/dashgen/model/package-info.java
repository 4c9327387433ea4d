/** The immutable workspace model and the problems found in user data; pure, no I/O. */
package dev.dashgen.model;
