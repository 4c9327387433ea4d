package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Utf8Writer gives the bytes String.getBytes(UTF_8) gives, however the text is cut into writes. */
class Utf8WriterTest {

    @Provide
    Arbitrary<String> texts() {
        // ASCII, Latin-1, the BMP, emoji (surrogate pairs) and lone surrogates, mixed.
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.chars().ascii(), Arbitraries.chars().range('\u0080', '\u07ff'),
                Arbitraries.chars().range('\u0800', '\uffff'), Arbitraries.chars().range('\ud800', '\udfff'));
        return Arbitraries.oneOf(chars.list().ofMaxSize(200).map(Utf8WriterTest::join),
                Arbitraries.strings().ascii().ofMinLength(16).ofMaxLength(100),
                Arbitraries.of("😀", "a😀b", "—·⚠", "\ud83d", "\ude00", "x\ud83dy").list().ofMaxSize(20).map(l -> String.join("", l)));
    }

    private static String join(List<Character> cs) {
        StringBuilder b = new StringBuilder();
        cs.forEach(b::append);
        return b.toString();
    }

    @Property
    void writesWhatGetBytesGives(@ForAll("texts") String text, @ForAll("cuts") List<Integer> cuts) {
        Utf8Writer w = new Utf8Writer(new byte[4]);
        w.write(text, 0, text.length());
        int at = 0;
        int turn = 0;
        for (int cut : cuts) {
            int end = Math.min(text.length(), at + cut);
            switch (turn++ % 3) {
                case 0 -> w.write(text, at, end - at);
                case 1 -> w.write(text.toCharArray(), at, end - at);
                default -> {
                    for (int i = at; i < end; i++) w.write(text.charAt(i));
                }
            }
            at = end;
        }
        w.write(text, at, text.length() - at);
        assertArrayEquals((text + text).getBytes(StandardCharsets.UTF_8), w.bytes(), "whole, then in pieces");
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 7).list().ofMaxSize(30);
    }

    @Test
    void anArrayWrittenBeforeGivesOnlyTheNewBytes() {
        byte[] used = new byte[64];
        java.util.Arrays.fill(used, (byte) 'x');
        Utf8Writer w = new Utf8Writer(used);
        w.write("é—", 0, 2);
        assertArrayEquals("é—".getBytes(StandardCharsets.UTF_8), w.bytes());
    }

    @Test
    void appendTakesAnyCharSequence() {
        Utf8Writer w = new Utf8Writer(new byte[0]);
        w.append(new StringBuilder("é😀"));
        w.append(null);
        assertArrayEquals("é😀null".getBytes(StandardCharsets.UTF_8), w.bytes());
    }
}
