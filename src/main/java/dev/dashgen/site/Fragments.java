package dev.dashgen.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pages that list thousands of tasks (the board, lane lists, agent pages) are put together from pieces.
 * The page's template is rendered with a marker where each list goes; each list item is rendered by its
 * own template once per distinct view and remembered as bytes; the page is the template's bytes with each
 * marker replaced by its items, as the pieces of a {@link Content}. An edit then renders one item, where
 * rendering the page whole would run the template over every item and encode megabytes of text again.
 */
final class Fragments {

    private Fragments() {}

    /**
     * The marker a template prints (with {@code | raw}) where list {@code n} goes. Escaped user text cannot
     * produce it: autoescaping turns its {@code <} into {@code &lt;}.
     */
    static String slot(int n) {
        return "<!--dashgen-list-" + n + "-->";
    }

    /** {@code page} with the marker of list i replaced by the items of {@code lists.get(i)}, for every i. */
    static Content splice(String template, byte[] page, List<List<byte[]>> lists) {
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < lists.size(); i++) {
            byte[] marker = slot(i).getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(page, marker, from);
            if (at < 0) {
                throw new IllegalStateException("template " + template + " does not print list " + i
                        + " where the default template does — compare it with the one `dashgen init --theme` writes");
            }
            pieces.add(Arrays.copyOfRange(page, from, at));
            pieces.addAll(lists.get(i));
            from = at + marker.length;
        }
        pieces.add(Arrays.copyOfRange(page, from, page.length));
        return Content.of(pieces);
    }

    private static int indexOf(byte[] page, byte[] marker, int from) {
        outer:
        for (int i = from; i <= page.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (page[i + j] != marker[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
