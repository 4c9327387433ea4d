package dev.dashgen.portfolio;

import dev.dashgen.config.Config;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Links in text (PRODUCT.md §4.2 {@code links.patterns}): ids such as {@code ADR-011} link to the one repository file
 * their pattern's glob matches (none or several: no link), and task ids mentioned in text link to their task pages.
 * Works on HTML already rendered and sanitised: only text nodes change, never inside a link, code or a code block, and
 * the only elements added are links to a task page or to the repository's web page of a file. Pure and thread-safe:
 * one instance serves a build, remembering which file each glob names.
 */
public final class TextLinks {
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> globs = new ArrayList<>();
    private final NavigableSet<String> files;
    private final RepoLinks links;
    private final Map<String, String> taskUrls;
    private final Map<String, Optional<String>> fileByGlob = new ConcurrentHashMap<>();
    /** Which word lengths can be a task id at all: most words of a text are never looked up. */
    private final java.util.BitSet idLengths = new java.util.BitSet();

    /**
     * @param patterns  config {@code links.patterns} (a regex that cannot be compiled is left out: the config check reports it)
     * @param repoFiles every file of the repository, {@code /}-separated from its root ({@link RepoFiles#list})
     * @param links     where a repository file's page is; without a web address, ids stay text
     * @param taskUrls  task id → its page, relative to the site root ({@code tasks/<slug>.html})
     */
    public TextLinks(List<Config.LinkPattern> patterns, Collection<String> repoFiles, RepoLinks links, Map<String, String> taskUrls) {
        for (Config.LinkPattern p : patterns) {
            try {
                this.patterns.add(Pattern.compile(p.regex()));
                this.globs.add(p.glob());
            } catch (PatternSyntaxException e) {
                // left out
            }
        }
        this.files = new TreeSet<>(repoFiles);
        this.links = links;
        this.taskUrls = Map.copyOf(taskUrls);
        for (String id : this.taskUrls.keySet()) {
            if (linkable(id)) idLengths.set(id.length());
        }
    }

    /** A span of text to become a link. */
    private record Hit(int start, int end, String href, boolean external) {}

    /**
     * Sanitised HTML with the mentions linked. {@code root} leads from the page to the site root ("" or "../");
     * {@code selfId} is the page's own task, never linked to itself (null: none).
     */
    public String html(String html, String root, String selfId) {
        if (html == null || html.isEmpty() || !mayLink(html, selfId)) return html;
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings(OUTPUT);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !insideLinkOrCode(t)) texts.add(t);
            }
        }, doc.body());
        boolean changed = false;
        for (TextNode t : texts) changed |= link(t, root, selfId);
        return changed ? doc.body().html() : html;
    }

    /**
     * As {@link #html(String, String, String)}, for HTML whose runs of text are known: only the runs with a mention are
     * made again; the rest of the HTML is kept as it is.
     */
    public String html(LinkableHtml html, String root, String selfId) {
        if (!html.mapped()) return html(html.html(), root, selfId);
        String in = html.html();
        if (in.isEmpty() || !mayLink(in, selfId)) return in;
        StringBuilder out = null;
        int at = 0;
        for (int i = 0; i < html.texts(); i++) {
            String text = html.text(i);
            List<Hit> hits = hits(text, root, selfId);
            if (hits.isEmpty()) continue;
            if (out == null) out = new StringBuilder(in.length() + 256);
            out.append(in, at, html.start(i)).append(serialise(parts(text, hits)));
            at = html.end(i);
        }
        return out == null ? in : out.append(in, at, in.length()).toString();
    }

    /** Plain text (a result summary) as HTML: escaped, with the mentions linked. */
    public String text(String plain, String root, String selfId) {
        if (plain == null) return "";
        List<Hit> hits = hits(plain, root, selfId);
        if (hits.isEmpty()) {
            StringBuilder escaped = new StringBuilder(plain.length() + 16);
            if (HtmlText.escape(plain, escaped)) return escaped.toString();
        }
        return serialise(hits.isEmpty() ? List.of(new TextNode(plain)) : parts(plain, hits));
    }

    /** Nodes as HTML, written as the HTML of a task page's text is. */
    private static String serialise(List<Node> nodes) {
        // An empty shell, not a parse of "": setting up jsoup's parser cost more than writing the text.
        Document doc = Document.createShell("");
        doc.outputSettings(OUTPUT);
        for (Node n : nodes) doc.body().appendChild(n);
        return doc.body().html();
    }

    /** The one repository file a mention names through the patterns, if exactly one matches. */
    public Optional<String> fileFor(String mention) {
        for (int i = 0; i < patterns.size(); i++) {
            Matcher m = patterns.get(i).matcher(mention);
            if (m.matches()) return file(globs.get(i), m);
        }
        return Optional.empty();
    }

    private boolean mayLink(String html, String selfId) {
        for (Pattern p : patterns) {
            if (p.matcher(html).find()) return true;
        }
        return !idLengths.isEmpty() && !taskIds(html, selfId, true).isEmpty();
    }

    /**
     * The task ids mentioned in {@code text}, as [start, end) pairs: words of letters, digits and {@code _.-} with a digit
     * or a separator in them, looked up as they are and without trailing sentence punctuation ("t-12."). Written out
     * rather than with a regex: every description of a build goes through it.
     */
    private List<int[]> taskIds(String text, String selfId, boolean firstOnly) {
        List<int[]> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !wordChar(text.charAt(i))) i++;
            int start = i;
            boolean marked = false;
            while (i < n && wordChar(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '-' || c == '_' || c == '.' || (c >= '0' && c <= '9')) marked = true;
                i++;
            }
            if (!marked) continue;
            for (int end = i; end > start && i - end < 3; end--) {
                if (idLengths.get(end - start)) {
                    String id = text.substring(start, end);
                    if (taskUrls.containsKey(id)) {
                        if (!id.equals(selfId)) found.add(new int[] {start, end});
                        break;
                    }
                }
                char last = text.charAt(end - 1);
                if (last != '.' && last != '-' && last != '_') break;
            }
            if (firstOnly && !found.isEmpty()) return found;
        }
        return found;
    }

    private static boolean wordChar(char c) {
        return c < ASCII_WORD.length ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /** {@link #wordChar} of the ASCII characters, most of any text, looked up rather than asked of Unicode's tables. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < ASCII_WORD.length; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
        }
    }

    private static boolean insideLinkOrCode(Node node) {
        for (Element e = (Element) node.parent(); e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("a") || tag.equals("code") || tag.equals("pre")) return true;
        }
        return false;
    }

    private boolean link(TextNode node, String root, String selfId) {
        String text = node.getWholeText();
        List<Hit> hits = hits(text, root, selfId);
        if (hits.isEmpty()) return false;
        for (Node part : parts(text, hits)) node.before(part);
        node.remove();
        return true;
    }

    /** The mentions in {@code text} to link, in order. */
    private List<Hit> hits(String text, String root, String selfId) {
        List<Hit> hits = new ArrayList<>();
        if (!idLengths.isEmpty()) {
            for (int[] at : taskIds(text, selfId, false)) {
                hits.add(new Hit(at[0], at[1], root + taskUrls.get(text.substring(at[0], at[1])), false));
            }
        }
        if (links.available()) {
            for (int i = 0; i < patterns.size(); i++) {
                Matcher m = patterns.get(i).matcher(text);
                while (m.find()) {
                    if (m.end() == m.start() || !bounded(text, m.start(), m.end()) || overlaps(hits, m.start(), m.end())) continue;
                    String glob = globs.get(i);
                    Optional<String> file = file(glob, m);
                    if (file.isPresent()) hits.add(new Hit(m.start(), m.end(), links.view(file.get()), true));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return hits;
    }

    /** {@code text} as text nodes and the links of its {@code hits}. */
    private static List<Node> parts(String text, List<Hit> hits) {
        List<Node> parts = new ArrayList<>();
        int at = 0;
        for (Hit h : hits) {
            if (h.start() < at) continue;
            if (h.start() > at) parts.add(new TextNode(text.substring(at, h.start())));
            Element a = new Element("a").attr("href", h.href()).addClass(h.external() ? "ref-file" : "ref-task");
            if (h.external()) a.attr("rel", "nofollow noopener");
            a.text(text.substring(h.start(), h.end()));
            parts.add(a);
            at = h.end();
        }
        if (at < text.length()) parts.add(new TextNode(text.substring(at)));
        return parts;
    }

    /** A mention is a whole word: {@code ADR-011} in "see ADR-011." but not in "XADR-0110". */
    private static boolean bounded(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    private static boolean overlaps(List<Hit> hits, int start, int end) {
        for (Hit h : hits) {
            if (start < h.end() && h.start() < end) return true;
        }
        return false;
    }

    /** Only ids with a digit or a separator link: a task named "setup" must not turn every "setup" into a link. */
    private static boolean linkable(String id) {
        boolean digit = false;
        boolean separator = false;
        boolean letter = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isDigit(c)) digit = true;
            else if (c == '-' || c == '_' || c == '.') separator = true;
            else letter = true;
        }
        return id.length() >= 3 && (digit || separator) && (letter || separator);
    }

    private Optional<String> file(String glob, Matcher m) {
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '$' && i + 1 < glob.length() && Character.isDigit(glob.charAt(i + 1))) {
                int group = glob.charAt(++i) - '0';
                String value = group <= m.groupCount() ? m.group(group) : null;
                if (value != null) g.append(Glob.escape(value));
            } else {
                g.append(c);
            }
        }
        return fileByGlob.computeIfAbsent(g.toString(), this::unique);
    }

    private Optional<String> unique(String glob) {
        Glob g = Glob.of(glob);
        String found = null;
        for (String f : files.tailSet(g.prefix(), true)) {
            if (!f.startsWith(g.prefix())) break;
            if (g.matches(f)) {
                if (found != null) return Optional.empty();
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }
}
