package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import dev.dashgen.config.ConfigParser;
import dev.dashgen.site.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dashgen init}: a commented config, the theme to customise, and nothing overwritten by surprise. */
class InitCommandTest {
    @TempDir
    Path tmp;

    private static ConfigParser.Result parse(Path file) throws IOException {
        return ConfigParser.parse(Files.readString(file), "dashgen.yaml");
    }

    @Test
    void writesACommentedConfigThatReadsAsTheDefaults() throws IOException {
        Path config = tmp.resolve("dashgen.yaml");
        Cli.Run r = Cli.run("init", "-c", config);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("dashgen init: wrote " + config), r::toString);
        ConfigParser.Result read = parse(config);
        assertEquals(List.of(), read.problems());
        assertEquals(Config.DEFAULTS, read.config());
        assertEquals(List.of("dashgen.yaml"), Cli.paths(tmp), "no theme without --theme");
    }

    @Test
    void neverOverwritesWithoutForce() throws IOException {
        Path config = Cli.write(tmp.resolve("dashgen.yaml"), "title: Mine\n");
        Cli.Run r = Cli.run("init", "-c", config);
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dashgen: " + config + " exists — nothing written; pass --force to overwrite", r.err().strip());
        assertEquals("title: Mine\n", Files.readString(config));

        Cli.Run forced = Cli.run("init", "-c", config, "--force");
        assertEquals(0, forced.exit(), forced::toString);
        assertEquals(Config.DEFAULTS, parse(config).config());
    }

    @Test
    void oneThemeFileInTheWayStopsTheWholeInit() throws IOException {
        Path mine = Cli.write(tmp.resolve("templates/board.peb"), "mine");
        Cli.Run r = Cli.run("init", "-c", tmp.resolve("dashgen.yaml"), "--theme");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains(mine + " exists"), r::toString);
        assertEquals(List.of("templates/board.peb"), Cli.paths(tmp), "nothing written");
        assertEquals("mine", Files.readString(mine));
    }

    @Test
    void themeCopiesTheDefaultTemplatesAndAssetsAndPointsTheConfigAtThem() throws IOException {
        Path config = tmp.resolve("dashgen.yaml");
        Cli.Run r = Cli.run("init", "-c", config, "--theme");
        assertEquals(0, r.exit(), r::toString);
        Config c = parse(config).config();
        assertEquals("templates", c.themeTemplates());
        assertEquals("site", c.themeAssets());
        SortedMap<String, byte[]> bundled = Theme.bundledFiles();
        assertTrue(bundled.containsKey("templates/board.peb") && bundled.containsKey("templates/task.peb")
                && bundled.containsKey("site/assets/style.css"), bundled::toString);
        TreeMap<String, byte[]> written = Cli.tree(tmp);
        written.remove("dashgen.yaml");
        assertEquals(bundled.keySet(), written.keySet());
        bundled.forEach((path, bytes) -> assertArrayEquals(bytes, written.get(path), path));
    }

    /** A repository that keeps only its own board template and stylesheet: those two replace the bundled ones, nothing else does. */
    @Test
    void aUsersBoardTemplateReplacesJustThatOne() throws IOException {
        Fixture f = new Fixture(tmp.resolve("repo")).task("inbox/t-1.yaml", "id: t-1\ntitle: First\n");
        assertEquals(0, Cli.run("init", "-c", f.config, "--theme", "--force").exit());
        Path templates = f.root.resolve("templates");
        Path board = templates.resolve("board.peb");
        String bundledBoard = Files.readString(board);
        for (String p : Cli.paths(templates)) if (!p.equals("board.peb")) Files.delete(templates.resolve(p));
        Files.writeString(board, bundledBoard.replace("{% block content %}",
                "{% block content %}<p id=\"our-board\">Our own board</p>"));
        Path site = f.root.resolve("site");
        for (String p : Cli.paths(site)) if (!p.equals("assets/style.css")) Files.delete(site.resolve(p));
        Files.writeString(site.resolve("assets/style.css"), "/* ours */\n");

        Cli.Run r = f.build();
        assertEquals(0, r.exit(), r::toString);
        Document index = Jsoup.parse(Files.readString(f.out.resolve("index.html")));
        assertEquals("Our own board", index.select("#our-board").text());
        assertEquals(List.of("t-1"), index.select("#lane-inbox .card-id").eachText(), "the rest of the board as bundled");
        Document task = Jsoup.parse(Files.readString(f.out.resolve("tasks/t-1.html")));
        assertTrue(task.select("#our-board").isEmpty(), "task pages keep the bundled task.peb");
        assertNotNull(task.selectFirst("h1"), task::outerHtml);
        assertTrue(task.selectFirst("h1").text().contains("First"), task::outerHtml);
        assertEquals("/* ours */\n", Files.readString(f.out.resolve("assets/style.css")));
        assertArrayEquals(Theme.bundledFiles().get("site/assets/app.js"), Files.readAllBytes(f.out.resolve("assets/app.js")));
        assertFalse(Files.exists(f.root.resolve("templates/task.peb")));
    }
}
