package dev.dashgen.engine;

/**
 * Inputs that cannot be used at all (a work tree or config file that is not there, a {@code --now} that is no
 * time): one line naming what and what to do. {@code usage} when the command line or config is at fault.
 */
public final class InputError extends RuntimeException {
    private final boolean usage;

    public InputError(boolean usage, String message) {
        super(message);
        this.usage = usage;
    }

    public boolean usage() {
        return usage;
    }
}
