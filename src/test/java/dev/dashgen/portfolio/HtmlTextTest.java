package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Text escaped as jsoup writes it reads back as the text, wherever in a page it sits. */
class HtmlTextTest {

    @Property(tries = 500)
    void whatIsEscapedUnescapesToItself(@ForAll String text, @ForAll String before) {
        StringBuilder html = new StringBuilder("<p>").append(before.replace("&", ""));
        int start = html.length();
        if (!HtmlText.escape(text, html)) return;
        int end = html.length();
        html.append("</p>");
        assertEquals(text, HtmlText.unescape(html.toString(), start, end));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreLeftToJsoup() {
        assertFalse(HtmlText.escape("a\u0001", new StringBuilder()));
        assertFalse(HtmlText.escape("\ud800x", new StringBuilder()));
        StringBuilder pair = new StringBuilder();
        HtmlText.escape("\ud83d\ude80 & \u00a0<>", pair);
        assertEquals("\ud83d\ude80 &amp; &nbsp;&lt;&gt;", pair.toString());
    }
}
