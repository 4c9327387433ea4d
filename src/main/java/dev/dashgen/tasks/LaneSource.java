package dev.dashgen.tasks;

/** Where a task's lane comes from (config {@code lanes.source}): its folder first, or its status alone. */
public enum LaneSource { FOLDER, STATUS }
