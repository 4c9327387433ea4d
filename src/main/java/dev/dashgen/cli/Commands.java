package dev.dashgen.cli;

import dev.dashgen.engine.InputError;
import dev.dashgen.engine.Project;
import dev.dashgen.output.OutputLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** What the commands share on the way to their inputs: the project, and the lock on the output folder. */
final class Commands {

    private Commands() {}

    /** The project of the given options in {@code cwd}; an unusable input is a usage or I/O error. */
    static Project project(CommonOptions options, Path cwd) {
        return project(options, cwd, Clock.systemUTC());
    }

    static Project project(CommonOptions options, Path cwd, Clock clock) {
        try {
            return Project.resolve(options.project(), cwd, System.getenv(), clock, Dashgen.version());
        } catch (InputError e) {
            throw new DashgenException(e.usage() ? ExitCodes.USAGE : ExitCodes.IO, e.getMessage());
        }
    }

    /** Takes the output folder, or stops with one line naming the dashgen that has it (exit 3). */
    static OutputLock lock(Project project, Path cwd) throws IOException {
        try {
            return OutputLock.acquire(project.out(), shown(cwd, project.out()));
        } catch (OutputLock.Held e) {
            throw new DashgenException(ExitCodes.IO, e.getMessage());
        }
    }

    /** A folder as the user would name it: relative to where they are when it is inside. */
    static String shown(Path cwd, Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        Path here = cwd.toAbsolutePath().normalize();
        return abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs).toString() : abs.toString();
    }
}
