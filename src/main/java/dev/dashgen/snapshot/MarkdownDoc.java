package dev.dashgen.snapshot;

import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * A Markdown document built as a commonmark node tree and rendered by commonmark's own Markdown renderer, so
 * untrusted text (titles, agent names, messages) is escaped by the library: a title like {@code *x* | y} stays text,
 * in a paragraph and in a table cell. Whitespace runs, line breaks included, become one space, so no value can
 * break a list item or a table row. Output is the same bytes on every platform ({@code \n} line ends).
 */
public final class MarkdownDoc {
    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder()
            .extensions(List.of(TablesExtension.create())).build();

    private final Document doc = new Document();

    public MarkdownDoc heading(int level, String text) {
        Heading h = new Heading();
        h.setLevel(level);
        h.appendChild(text(text));
        doc.appendChild(h);
        return this;
    }

    /** A paragraph of inline nodes from {@link #text}, {@link #code} and {@link #strong}. */
    public MarkdownDoc paragraph(Node... inlines) {
        Paragraph p = new Paragraph();
        for (Node n : inlines) p.appendChild(n);
        doc.appendChild(p);
        return this;
    }

    /** A tight bullet list, one item per list of inline nodes. */
    public MarkdownDoc bullets(List<List<Node>> items) {
        if (items.isEmpty()) return this;
        BulletList list = new BulletList();
        list.setTight(true);
        list.setMarker("-");
        for (List<Node> inlines : items) {
            Paragraph p = new Paragraph();
            inlines.forEach(p::appendChild);
            ListItem item = new ListItem();
            item.appendChild(p);
            list.appendChild(item);
        }
        doc.appendChild(list);
        return this;
    }

    /** A table; {@code rightAligned.get(i)} puts column i to the right (numbers). */
    public MarkdownDoc table(List<String> headers, List<Boolean> rightAligned, List<List<String>> rows) {
        TableBlock table = new TableBlock();
        TableHead head = new TableHead();
        head.appendChild(row(headers, rightAligned, true));
        table.appendChild(head);
        TableBody body = new TableBody();
        for (List<String> cells : rows) body.appendChild(row(cells, rightAligned, false));
        table.appendChild(body);
        doc.appendChild(table);
        return this;
    }

    private static TableRow row(List<String> cells, List<Boolean> rightAligned, boolean header) {
        TableRow row = new TableRow();
        for (int i = 0; i < cells.size(); i++) {
            TableCell cell = new TableCell();
            cell.setHeader(header);
            cell.setAlignment(rightAligned.get(i) ? TableCell.Alignment.RIGHT : TableCell.Alignment.LEFT);
            cell.appendChild(text(cells.get(i)));
            row.appendChild(cell);
        }
        return row;
    }

    public String render() {
        return RENDERER.render(doc);
    }

    /** Text as it is, spaces at either end included, so inline pieces join as written. */
    public static Node text(String s) {
        return new Text(oneLine(s));
    }

    public static Node code(String s) {
        return new Code(oneLine(s).strip());
    }

    public static Node strong(String s) {
        StrongEmphasis strong = new StrongEmphasis("**");
        strong.appendChild(text(s));
        return strong;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
