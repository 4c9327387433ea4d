/** Task files: parsing one file's YAML into a task with its problems, and reading a whole work tree. */
package dev.dashgen.tasks;
