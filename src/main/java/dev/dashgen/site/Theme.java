package dev.dashgen.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates and static assets a site is rendered with: the default theme inside the jar,
 * shadowed file by file by the user's own folders (config {@code theme.templates}, {@code theme.assets}).
 * The Pebble engine is configured once: autoescaping on, strict variables so a typo fails the build.
 */
public final class Theme {
    static final String CLASSPATH_ROOT = "dashgen/theme/";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final int FIRST_BUFFER = 16 * 1024;
    /** Larger arrays (a board of a hundred thousand cards) are left to the collector, not kept per thread. */
    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final PebbleEngine engine;
    private final SortedMap<String, byte[]> assets;

    private Theme(PebbleEngine engine, SortedMap<String, byte[]> assets) {
        this.engine = engine;
        this.assets = Collections.unmodifiableSortedMap(assets);
    }

    /** {@code templatesDir} and {@code assetsDir} may be null: the default theme alone. */
    public static Theme load(Path templatesDir, Path assetsDir) throws IOException {
        List<Loader<?>> loaders = new ArrayList<>();
        if (templatesDir != null) {
            FileLoader user = new FileLoader();
            user.setPrefix(templatesDir.toAbsolutePath().toString());
            user.setSuffix(".peb");
            loaders.add(user);
        }
        ClasspathLoader bundled = new ClasspathLoader(Theme.class.getClassLoader());
        bundled.setPrefix(CLASSPATH_ROOT + "templates");
        bundled.setSuffix(".peb");
        loaders.add(bundled);
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(true)
                .strictVariables(true)
                .defaultLocale(Locale.ROOT)
                .extension(new RecordAttributes.Extension())
                .build();
        SortedMap<String, byte[]> assets = new TreeMap<>(bundled("site"));
        assets.put("assets/echarts.min.js", echarts());
        if (assetsDir != null && Files.isDirectory(assetsDir)) assets.putAll(readTree(assetsDir));
        return new Theme(engine, assets);
    }

    /** Static files by path relative to the site root, e.g. {@code assets/style.css}. */
    public SortedMap<String, byte[]> assets() {
        return assets;
    }

    public byte[] render(String template, Map<String, Object> context) {
        // A build renders tens of thousands of pages and fragments, most of a few KiB: each thread writes them into
        // one array it keeps, and only the finished bytes are copied out. Taken while in use, so a render nested
        // in another gets an array of its own.
        byte[] spare = SPARE.get();
        SPARE.set(null);
        Utf8Writer out = new Utf8Writer(spare != null ? spare : new byte[FIRST_BUFFER]);
        try {
            engine.getTemplate(template).evaluate(out, context, Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] page = out.bytes();
        if (out.buffer().length <= KEPT_BUFFER) SPARE.set(out.buffer());
        return page;
    }

    /** Apache ECharts from its webjar, copied beside the pages so charts work offline and from file://. */
    private static byte[] echarts() throws IOException {
        try (var in = Theme.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) throw new IOException("ECharts is missing from the classpath (" + ECHARTS + ")");
            return in.readAllBytes();
        }
    }

    /**
     * The default theme as files to copy and customise: {@code templates/*.peb} and {@code site/**}. ECharts is
     * not among them: it comes from its webjar on every build.
     */
    public static SortedMap<String, byte[]> bundledFiles() throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String folder : List.of("templates", "site")) bundled(folder).forEach((path, bytes) -> files.put(folder + "/" + path, bytes));
        return files;
    }

    private static SortedMap<String, byte[]> bundled(String folder) throws IOException {
        URL url = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + folder);
        if (url == null) throw new IOException("the default theme is missing from the jar (" + CLASSPATH_ROOT + folder + ")");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return readTree(fs.provider().getPath(uri));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return readTree(FileSystems.getFileSystem(uri).provider().getPath(uri));
                }
            }
            return readTree(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the default theme: " + e.getMessage(), e);
        }
    }

    private static SortedMap<String, byte[]> readTree(Path dir) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                files.put(rel, Files.readAllBytes(p));
            }
        }
        return files;
    }
}
