package dev.dashgen.history;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of a cache file: variable-length whole numbers and length-prefixed UTF-8 strings in an unsynchronised
 * growing buffer, and the reader for it, which throws {@link IllegalStateException} on anything malformed.
 */
final class CacheCodec {
    private CacheCodec() {}

    /** Bytes being written. */
    static final class Out {
        private byte[] bytes = new byte[1 << 16];
        private int size;

        Out bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return this;
        }

        /** A non-negative number, seven bits a byte. */
        Out number(long n) {
            if (n < 0) throw new IllegalArgumentException("negative: " + n);
            room(10);
            while (n >= 0x80) {
                bytes[size++] = (byte) (n | 0x80);
                n >>>= 7;
            }
            bytes[size++] = (byte) n;
            return this;
        }

        /** Any number, zig-zag encoded so small negative ones stay short. */
        Out signed(long n) {
            return number((n << 1) ^ (n >> 63));
        }

        Out string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length);
            return bytes(b);
        }

        private void room(int more) {
            if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Bytes being read. */
    static final class In {
        private final byte[] bytes;
        private final int end;
        private int at;

        In(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        byte[] bytes(int n) {
            if (n < 0 || at + n > end) throw new IllegalStateException("truncated");
            byte[] b = Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return b;
        }

        long number() {
            long n = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) throw new IllegalStateException("truncated");
                byte b = bytes[at++];
                n |= (long) (b & 0x7F) << shift;
                if (b >= 0) return n;
            }
            throw new IllegalStateException("number too long");
        }

        int count() {
            long n = number();
            if (n > end) throw new IllegalStateException("count " + n + " beyond the file");
            return (int) n;
        }

        long signed() {
            long n = number();
            return (n >>> 1) ^ -(n & 1);
        }

        String string() {
            int n = count();
            if (at + n > end) throw new IllegalStateException("truncated");
            String s = new String(bytes, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        boolean done() {
            return at == end;
        }
    }
}
