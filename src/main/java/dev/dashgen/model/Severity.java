package dev.dashgen.model;

/** How bad a problem in user data is: errors fail {@code --strict} and {@code check}, warnings only inform. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
