package dev.dashgen.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Checksum;

/**
 * The bytes of one output file: whole, or the pieces a long page is put together from (the board's cards,
 * the lines of {@code tasks.json}), in order. Pieces are not joined on the way to disk: at 100,000 tasks,
 * joining meant copying 80 MB into fresh arrays on every edit, and the garbage collector then had to
 * reclaim them. Nobody changes a piece once it is given here.
 */
public final class Content {
    /** Bytes go to disk through a buffer the system call can read in place, a MiB at a time. */
    private static final int SLICE = 1 << 20;
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SLICE));

    private final byte[][] pieces;
    private final int[] from; // each piece is pieces[i][from[i] .. to[i])
    private final int[] to;
    private final long length;

    private Content(byte[][] pieces, int[] from, int[] to) {
        this.pieces = pieces;
        this.from = from;
        this.to = to;
        long n = 0;
        for (int i = 0; i < pieces.length; i++) n += to[i] - from[i];
        this.length = n;
    }

    public static Content of(byte[] bytes) {
        if (bytes == null) throw new IllegalArgumentException("bytes must not be null");
        return new Content(new byte[][] {bytes}, new int[] {0}, new int[] {bytes.length});
    }

    /** The pieces one after another; the list is copied, the pieces are not. */
    public static Content of(List<byte[]> pieces) {
        Builder b = new Builder(pieces.size());
        for (byte[] p : pieces) b.add(p);
        return b.build();
    }

    /** Pieces gathered in order: whole arrays, or runs of them (a stretch of unchanged lines in a long file). */
    static final class Builder {
        private byte[][] pieces;
        private int[] from;
        private int[] to;
        private int n;

        Builder(int expected) {
            int size = Math.max(4, expected);
            pieces = new byte[size][];
            from = new int[size];
            to = new int[size];
        }

        Builder add(byte[] bytes) {
            return add(bytes, 0, bytes.length);
        }

        /** Bytes {@code start} (inclusive) to {@code end} (exclusive) of {@code bytes}; an empty run adds nothing. */
        Builder add(byte[] bytes, int start, int end) {
            if (start < 0 || end > bytes.length || start > end) throw new IllegalArgumentException("no such run");
            if (start == end) return this;
            if (n == pieces.length) {
                pieces = Arrays.copyOf(pieces, 2 * n);
                from = Arrays.copyOf(from, 2 * n);
                to = Arrays.copyOf(to, 2 * n);
            }
            pieces[n] = bytes;
            from[n] = start;
            to[n++] = end;
            return this;
        }

        Content build() {
            return new Content(Arrays.copyOf(pieces, n), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }
    }

    public long length() {
        return length;
    }

    /** All the bytes in one array: the array itself when whole, else a new one. */
    public byte[] bytes() {
        if (pieces.length == 1 && from[0] == 0 && to[0] == pieces[0].length) return pieces[0];
        byte[] out = new byte[Math.toIntExact(length)];
        int at = 0;
        for (int i = 0; i < pieces.length; i++) {
            System.arraycopy(pieces[i], from[i], out, at, to[i] - from[i]);
            at += to[i] - from[i];
        }
        return out;
    }

    /**
     * Whether both hold the same bytes, however they are cut. Pieces that are the very same run of the same
     * array at the same place are not compared: after an edit, all but a card or two of the board are.
     */
    public boolean sameBytes(Content o) {
        if (o == this) return true;
        if (o == null || o.length != length) return false;
        int i = 0, j = 0; // the current piece of each
        int a = 0, b = 0; // how far into it
        while (i < pieces.length && j < o.pieces.length) {
            byte[] x = pieces[i];
            byte[] y = o.pieces[j];
            if (a == 0 && b == 0 && x == y && from[i] == o.from[j] && to[i] == o.to[j]) {
                i++;
                j++;
                continue;
            }
            int n = Math.min(to[i] - from[i] - a, o.to[j] - o.from[j] - b);
            if (!Arrays.equals(x, from[i] + a, from[i] + a + n, y, o.from[j] + b, o.from[j] + b + n)) return false;
            a += n;
            b += n;
            if (a == to[i] - from[i]) {
                i++;
                a = 0;
            }
            if (b == o.to[j] - o.from[j]) {
                j++;
                b = 0;
            }
        }
        return true; // same length, and every byte of the shorter walk matched
    }

    /** Feeds every byte, in order, to {@code checksum}. */
    public void update(Checksum checksum) {
        for (int i = 0; i < pieces.length; i++) checksum.update(pieces[i], from[i], to[i] - from[i]);
    }

    /** Writes every byte to {@code out}, in slices of a MiB (a small page is one system call). */
    public void writeTo(WritableByteChannel out) throws IOException {
        ByteBuffer buffer = BUFFER.get();
        buffer.clear();
        for (int i = 0; i < pieces.length; i++) {
            byte[] p = pieces[i];
            for (int at = from[i]; at < to[i]; ) {
                int n = Math.min(buffer.remaining(), to[i] - at);
                buffer.put(p, at, n);
                at += n;
                if (!buffer.hasRemaining()) drain(buffer, out);
            }
        }
        drain(buffer, out);
    }

    private static void drain(ByteBuffer buffer, WritableByteChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) out.write(buffer);
        buffer.clear();
    }
}
