package dev.dashgen.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The commented {@code dashgen.yaml} that {@code dashgen init} writes: every key with its default, so it reads
 * as {@link Config#DEFAULTS}. Keys whose default is "unset" are present but commented out. With a theme, the
 * {@code theme:} keys are switched on and point at the folders the theme was copied to.
 */
public final class ConfigTemplate {
    /** Where {@code init --theme} copies the templates and assets, relative to the config file. */
    public static final String TEMPLATES = "templates";
    public static final String ASSETS = "site";
    private static final String RESOURCE = "dashgen/init/dashgen.yaml";

    private ConfigTemplate() {}

    public static String text(boolean theme) {
        String text = resource();
        if (!theme) return text;
        return text.replace("  # templates: " + TEMPLATES + "\n", "  templates: " + TEMPLATES + "\n")
                .replace("  # assets: " + ASSETS + "\n", "  assets: " + ASSETS + "\n");
    }

    private static String resource() {
        try (InputStream in = ConfigTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
