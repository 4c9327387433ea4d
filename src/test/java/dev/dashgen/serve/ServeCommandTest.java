package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.cli.Dashgen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dashgen serve} from the command line: what it prints, how it fails, how it stops. */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("^http://127\\.0\\.0\\.1:(\\d+)/$");

    @TempDir
    Path dir;

    @Test
    void printsTheUrlServesTheBoardAndStopsCleanly() throws Exception {
        Workspaces.small(dir);
        Lines out = new Lines();
        Lines err = new Lines();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(command(out, err).execute("serve", "-w", dir.resolve("work").toString(),
                "-o", dir.resolve("out").toString(), "--port", "0", "--now", "2026-11-24T12:00:00Z")));
        serve.start();
        try {
            Matcher url = out.await(URL);
            Http.Response board = Http.get(Integer.parseInt(url.group(1)), "/");
            assertEquals(200, board.status());
            assertTrue(board.body().contains("Write the parser"));
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertEquals(0, code.get());
        assertTrue(out.text().contains("dashgen serve: stopped"), out.text());
        assertEquals("", err.text());
    }

    @Test
    void warnsWhenListeningBeyondThisMachine() throws Exception {
        Workspaces.small(dir);
        Lines out = new Lines();
        Lines err = new Lines();
        Thread serve = new Thread(() -> command(out, err).execute("serve", "-q", "-w", dir.resolve("work").toString(),
                "-o", dir.resolve("out").toString(), "--host", "0.0.0.0", "--port", "0"));
        serve.start();
        try {
            out.await(URL);
            assertTrue(err.text().contains("warning: --host 0.0.0.0"), err.text());
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
    }

    @Test
    void aPortInUseIsOneLineNamingPort() throws Exception {
        Workspaces.small(dir);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Lines out = new Lines();
            Lines err = new Lines();
            int code = command(out, err).execute("serve", "-w", dir.resolve("work").toString(), "-o", dir.resolve("out").toString(),
                    "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(3, code);
            String message = err.text().strip();
            assertFalse(message.contains("\n"), message);
            assertTrue(message.startsWith("dashgen: cannot listen on 127.0.0.1:" + taken.getLocalPort()), message);
            assertTrue(message.contains("--port"), message);
        }
    }

    @Test
    void refusesAnOutputFolderInsideTheWorkTree() {
        Lines out = new Lines();
        Lines err = new Lines();
        int code = command(out, err).execute("serve", "-w", dir.toString(), "-o", dir.resolve("site").toString(), "--port", "0");
        assertEquals(2, code);
        assertTrue(err.text().contains("inside the work tree"), err.text());
    }

    private static CommandLine command(Lines out, Lines err) {
        CommandLine cli = Dashgen.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    /** A writer whose complete lines can be awaited from another thread. */
    static final class Lines extends Writer {
        private final StringWriter all = new StringWriter();
        private final StringBuilder line = new StringBuilder();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            all.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        synchronized String text() {
            return all.toString();
        }

        Matcher await(Pattern p) throws InterruptedException {
            long deadline = System.nanoTime() + LiveClient.WAIT.toNanos();
            while (true) {
                String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertNotNull(l, "no line matching " + p + " within " + LiveClient.WAIT + "; got " + text());
                Matcher m = p.matcher(l);
                if (m.matches()) return m;
            }
        }
    }
}
