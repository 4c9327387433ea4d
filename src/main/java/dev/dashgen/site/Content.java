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
    private final long length;

    private Content(byte[][] pieces) {
        this.pieces = pieces;
        long n = 0;
        for (byte[] p : pieces) n += p.length;
        this.length = n;
    }

    public static Content of(byte[] bytes) {
        if (bytes == null) throw new IllegalArgumentException("bytes must not be null");
        return new Content(new byte[][] {bytes});
    }

    /** The pieces one after another; the list is copied, the pieces are not. */
    public static Content of(List<byte[]> pieces) {
        return new Content(pieces.toArray(new byte[0][]));
    }

    public long length() {
        return length;
    }

    /** All the bytes in one array: the array itself when whole, else a new one. */
    public byte[] bytes() {
        if (pieces.length == 1) return pieces[0];
        byte[] out = new byte[Math.toIntExact(length)];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * Whether both hold the same bytes, however they are cut. Pieces that are the very same array at the
     * same place are not compared: after an edit, all but a card or two of the board are.
     */
    public boolean sameBytes(Content o) {
        if (o == this) return true;
        if (o == null || o.length != length) return false;
        int i = 0, j = 0; // the current piece of each
        int a = 0, b = 0; // the offset into it
        while (i < pieces.length && j < o.pieces.length) {
            byte[] x = pieces[i];
            byte[] y = o.pieces[j];
            if (a == 0 && b == 0 && x == y) {
                i++;
                j++;
                continue;
            }
            int n = Math.min(x.length - a, y.length - b);
            if (!Arrays.equals(x, a, a + n, y, b, b + n)) return false;
            a += n;
            b += n;
            if (a == x.length) {
                i++;
                a = 0;
            }
            if (b == y.length) {
                j++;
                b = 0;
            }
        }
        return true; // same length, and every byte of the shorter walk matched
    }

    /** Feeds every byte, in order, to {@code checksum}. */
    void update(Checksum checksum) {
        for (byte[] p : pieces) checksum.update(p, 0, p.length);
    }

    /** Writes every byte to {@code out}, in slices of a MiB (a small page is one system call). */
    void writeTo(WritableByteChannel out) throws IOException {
        ByteBuffer buffer = BUFFER.get();
        buffer.clear();
        for (byte[] p : pieces) {
            for (int at = 0; at < p.length; ) {
                int n = Math.min(buffer.remaining(), p.length - at);
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
