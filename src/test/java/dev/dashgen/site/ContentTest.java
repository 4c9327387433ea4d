package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void piecesReadAsTheirBytesInOrder() {
        Content c = Content.of(List.of(b("<ul>"), b("<li>a"), b(""), b("<li>b"), b("</ul>")));
        assertEquals(19, c.length());
        assertEquals("<ul><li>a<li>b</ul>", new String(c.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void wholeBytesAreNotCopied() {
        byte[] page = b("<html>");
        assertSame(page, Content.of(page).bytes());
    }

    @Test
    void sameBytesHoweverTheyAreCut() {
        Content whole = Content.of(b("abcdefgh"));
        assertTrue(whole.sameBytes(Content.of(List.of(b("abc"), b("defgh")))));
        assertTrue(Content.of(List.of(b("a"), b(""), b("bcdefg"), b("h"))).sameBytes(Content.of(List.of(b("abcd"), b("efgh"), b("")))));
        assertFalse(whole.sameBytes(Content.of(List.of(b("abc"), b("dxfgh")))));
        assertFalse(whole.sameBytes(Content.of(List.of(b("abc"), b("defg")))));
        assertFalse(whole.sameBytes(null));
    }

    @Test
    void sameBytesAgreesWithArraysOnRandomCuts() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            byte[] other = bytes.clone();
            if (other.length > 0 && random.nextBoolean()) other[random.nextInt(other.length)] ^= 1;
            Content a = cut(bytes, random);
            Content b = cut(other, random);
            assertEquals(java.util.Arrays.equals(bytes, other), a.sameBytes(b), "round " + round);
            assertArrayEquals(bytes, a.bytes());
        }
    }

    @Test
    void writesEveryPieceThroughItsBuffer() throws Exception {
        // More than the one-MiB buffer, in pieces that straddle its edge.
        Random random = new Random(3);
        byte[] bytes = new byte[(3 << 20) + 12345];
        random.nextBytes(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cut(bytes, random).writeTo(Channels.newChannel(out));
        assertArrayEquals(bytes, out.toByteArray());
    }

    @Test
    void checksumsSeeTheSameBytesAsAWholeArray() {
        byte[] bytes = b("a board of many cards");
        java.util.zip.CRC32 whole = new java.util.zip.CRC32();
        whole.update(bytes);
        java.util.zip.CRC32 pieces = new java.util.zip.CRC32();
        cut(bytes, new Random(1)).update(pieces);
        assertEquals(whole.getValue(), pieces.getValue());
    }

    /** {@code bytes} in random pieces, half of them runs inside longer arrays of other bytes. */
    private static Content cut(byte[] bytes, Random random) {
        Content.Builder pieces = new Content.Builder(4);
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, random.nextInt(bytes.length > 1000 ? 400_000 : 20));
            if (random.nextBoolean()) {
                pieces.add(java.util.Arrays.copyOfRange(bytes, at, at + n));
            } else {
                int before = random.nextInt(5);
                byte[] padded = new byte[before + n + random.nextInt(5)];
                random.nextBytes(padded);
                System.arraycopy(bytes, at, padded, before, n);
                pieces.add(padded, before, before + n);
            }
            at += n;
        }
        return pieces.build();
    }

    @Test
    void runsOfTheSameArrayAtOtherPlacesAreCompared() {
        byte[] text = b("abcabc");
        Content first = new Content.Builder(2).add(text, 0, 3).add(text, 3, 6).build();
        Content second = new Content.Builder(2).add(text, 3, 6).add(text, 0, 3).build();
        assertTrue(first.sameBytes(second));
        assertFalse(first.sameBytes(new Content.Builder(2).add(text, 0, 3).add(text, 1, 4).build()));
        assertEquals("abcabc", new String(second.bytes(), StandardCharsets.UTF_8));
    }
}
