package dev.dashgen.serve;

import java.util.Locale;

/** The temp and backup files editors write next to the files being edited; the watcher ignores them. */
final class EditorFiles {
    private EditorFiles() {}

    /**
     * True for {@code *.swp}/{@code *.swx} (Vim), {@code *~} and {@code .#*} (Emacs and others),
     * {@code 4913} (Vim's probe for a writable folder) and {@code *.tmp}; {@code name} is a bare file name.
     */
    static boolean isTemp(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".swp") || lower.endsWith(".swx") || lower.endsWith("~") || lower.startsWith(".#")
                || lower.equals("4913") || lower.endsWith(".tmp");
    }
}
