/** The command line: one picocli command class per command, exit codes and the one-line error handler. */
package dev.dashgen.cli;
