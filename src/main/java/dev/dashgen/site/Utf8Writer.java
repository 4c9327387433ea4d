package dev.dashgen.site;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Writer that encodes straight into a growing UTF-8 byte array: the bytes {@code String.getBytes(UTF_8)} gives
 * (an unpaired surrogate becomes {@code ?}), without first building the page as a String. Pages hold a few
 * non-Latin-1 characters (—, ·, ⚠), which turn a StringBuilder into UTF-16 for the whole page, so that the text
 * was copied and re-encoded char by char. Not thread-safe; nothing is buffered, so flush and close do nothing.
 */
final class Utf8Writer extends Writer {
    private byte[] bytes;
    private int size;
    /** A high surrogate whose low half has not been written yet, else 0. */
    private char pending;

    /** Writes into {@code buffer} (its contents are overwritten), growing past it when a page needs more. */
    Utf8Writer(byte[] buffer) {
        bytes = buffer.length >= 16 ? buffer : new byte[16];
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] buf, int off, int len) {
        ensure(len);
        for (int i = off, end = off + len; i < end; i++) {
            char c = buf[i];
            if (c < 0x80 && pending == 0) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public void write(String str, int off, int len) {
        // A whole string, which is how Pebble writes: String's own encoder copies an ASCII string in one go. A high
        // surrogate at its end may pair with the next write, so such a string goes char by char.
        if (off == 0 && len == str.length() && len >= 16 && pending == 0 && !Character.isHighSurrogate(str.charAt(len - 1))) {
            byte[] encoded = str.getBytes(StandardCharsets.UTF_8);
            ensureBytes(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return;
        }
        ensure(len);
        for (int i = off, end = off + len; i < end; i++) {
            char c = str.charAt(i);
            if (c < 0x80 && pending == 0) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public Writer append(CharSequence csq) {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** The array written into: the one given, or the larger one it grew into. */
    byte[] buffer() {
        return bytes;
    }

    /** The bytes written so far; a high surrogate left without its low half counts as {@code ?}. */
    byte[] bytes() {
        if (pending != 0) {
            ensure(1);
            bytes[size++] = '?';
            pending = 0;
        }
        return Arrays.copyOf(bytes, size);
    }

    private void put(char c) {
        ensure(4);
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?';
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pending = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Room for {@code chars} more characters at their widest (three bytes each), plus a code point's four. */
    private void ensure(int chars) {
        ensureBytes(3L * chars + 4);
    }

    private void ensureBytes(long more) {
        long need = size + more;
        if (need > bytes.length) {
            if (need > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("page over 2 GB");
            bytes = Arrays.copyOf(bytes, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8L, 2L * bytes.length)));
        }
    }
}
