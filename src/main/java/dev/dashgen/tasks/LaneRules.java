package dev.dashgen.tasks;

import dev.dashgen.model.Problem;
import java.util.List;

/** The lane table of PRODUCT.md §2: folder first, then the status field. */
final class LaneRules {
    private LaneRules() {}

    static Lane lane(Placement placement, Status status, String statusText, LaneSource source,
                     String file, int line, List<Problem> problems) {
        if (placement.folder() == Placement.Folder.ARCHIVE) return Lane.ARCHIVE;
        if (source == LaneSource.STATUS) return byStatus(status);
        return switch (placement.folder()) {
            case INBOX -> Lane.INBOX;
            case FRIDGE -> Lane.FRIDGE;
            case ASSIGNED -> assigned(status, statusText, file, line, problems);
            case DONE -> done(status, statusText, file, line, problems);
            default -> throw new IllegalArgumentException("not a lane folder: " + placement);
        };
    }

    private static Lane byStatus(Status status) {
        if (status == null) return Lane.INBOX;
        return switch (status) {
            case NEW -> Lane.INBOX;
            case ASSIGNED -> Lane.ASSIGNED;
            case IN_PROGRESS -> Lane.IN_PROGRESS;
            case BLOCKED -> Lane.BLOCKED;
            case DONE -> Lane.DONE;
            case ERROR -> Lane.ERROR;
        };
    }

    private static Lane assigned(Status status, String statusText, String file, int line, List<Problem> problems) {
        if (statusText == null || status == Status.ASSIGNED) return Lane.ASSIGNED;
        if (status == Status.IN_PROGRESS) return Lane.IN_PROGRESS;
        if (status == Status.BLOCKED) return Lane.BLOCKED;
        problems.add(Problem.warning(file, line, 0, "status \"" + statusText
                + "\" does not match folder assigned/; shown as Assigned — set status to assigned, in_progress or blocked, or move the file"
                + (status == Status.DONE || status == Status.ERROR ? " to done/<agent>/" : "")));
        return Lane.ASSIGNED;
    }

    private static Lane done(Status status, String statusText, String file, int line, List<Problem> problems) {
        if (status == Status.ERROR) return Lane.ERROR;
        if (status != Status.DONE) {
            problems.add(Problem.warning(file, line, 0, (statusText == null ? "no status" : "status \"" + statusText + "\"")
                    + " in folder done/; shown as Done — set status: done (or error), or move the file out of done/"));
        }
        return Lane.DONE;
    }
}
