package dev.dashgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives {@code mvn -B package} writes: what they hold, and that the Unix launcher, unpacked on its own
 * with no sources beside it, runs the bundled jar. An integration test, so it runs after packaging.
 */
class ReleaseArchiveIT {
    private static final Path TARGET = Path.of("target");
    private static final List<String> CONTENTS = List.of("README.md", "dashgen", "dashgen-all.jar", "dashgen.cmd");

    @TempDir
    Path tmp;

    /** A tar entry: its mode and bytes. */
    record Entry(int mode, byte[] bytes) {}

    private static Path archive(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("dashgen-\\d.*" + suffix.replace(".", "\\.")))
                    .toList();
            assertEquals(1, found.size(), "one " + suffix + " in target/: " + found);
            return found.get(0);
        }
    }

    private static String folder(Path archive, String suffix) {
        String name = archive.getFileName().toString();
        return name.substring(0, name.length() - suffix.length()) + "/";
    }

    /** A plain ustar/gnu reader: 512-byte headers, octal sizes and modes; enough for the archives we write. */
    private static Map<String, Entry> untar(Path tarGz) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (InputStream raw = new GZIPInputStream(Files.newInputStream(tarGz)); DataInputStream in = new DataInputStream(raw)) {
            byte[] header = new byte[512];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                String name = field(header, 0, 100);
                if (name.isEmpty()) break;
                String prefix = field(header, 345, 155);
                int mode = Integer.parseInt(field(header, 100, 8).strip(), 8);
                long size = Long.parseLong(field(header, 124, 12).strip(), 8);
                byte[] body = new byte[(int) size];
                in.readFully(body);
                in.skipNBytes((512 - size % 512) % 512);
                if (header[156] == '0' || header[156] == 0) entries.put(prefix.isEmpty() ? name : prefix + "/" + name, new Entry(mode, body));
            }
        }
        return entries;
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) end++;
        return new String(header, from, end - from, StandardCharsets.US_ASCII);
    }

    @Test
    void theZipHoldsTheJarTheLaunchersAndTheReadme() throws IOException {
        Path zip = archive(".zip");
        String base = folder(zip, ".zip");
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) if (!e.isDirectory()) names.add(e.getName());
            names.sort(null);
            assertEquals(CONTENTS.stream().map(n -> base + n).toList(), names);
            assertArrayEquals(Files.readAllBytes(TARGET.resolve("dashgen-all.jar")), z.getInputStream(z.getEntry(base + "dashgen-all.jar")).readAllBytes());
            String cmd = new String(z.getInputStream(z.getEntry(base + "dashgen.cmd")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "dashgen.cmd has Windows line ends");
            assertTrue(cmd.contains("dashgen-all.jar"), cmd);
        }
    }

    @Test
    void theTarballKeepsTheLauncherExecutable() throws IOException {
        Path tarGz = archive(".tar.gz");
        String base = folder(tarGz, ".tar.gz");
        Map<String, Entry> entries = untar(tarGz);
        assertEquals(CONTENTS.stream().map(n -> base + n).toList(), List.copyOf(entries.keySet()));
        assertEquals(0755, entries.get(base + "dashgen").mode() & 0777);
        assertArrayEquals(Files.readAllBytes(Path.of("README.md")), entries.get(base + "README.md").bytes());
    }

    @Test
    void theUnpackedLauncherRunsTheJarBesideIt() throws IOException, InterruptedException {
        Path tarGz = archive(".tar.gz");
        for (Map.Entry<String, Entry> e : untar(tarGz).entrySet()) {
            Path file = tmp.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue().bytes());
            if ((e.getValue().mode() & 0100) != 0) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path launcher = tmp.resolve(folder(tarGz, ".tar.gz")).resolve("dashgen");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--version").directory(tmp.toFile()).redirectErrorStream(true);
        // The launcher runs `java` from PATH: the JDK running this test.
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        String version = folder(tarGz, ".tar.gz").replace("dashgen-", "").replace("/", "");
        assertEquals("dashgen " + version, printed.strip());
    }
}
