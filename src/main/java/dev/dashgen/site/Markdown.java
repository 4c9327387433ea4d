package dev.dashgen.site;

import dev.dashgen.portfolio.LinkableHtml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProviderFactory;
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Task descriptions to safe HTML: commonmark (GFM tables, strikethrough, autolinks, task lists)
 * with raw HTML escaped, then jsoup's Safelist, so only http, https, mailto and relative links survive.
 * <p>
 * commonmark's own node renderers write through {@link CleanHtmlWriter}, which writes the text jsoup would make of
 * the cleaned document without building it: parsing commonmark's HTML back, copying it through the Cleaner and
 * writing it out again took most of a description's time. An input it cannot be sure of goes the long way:
 * {@code Jsoup.clean} of commonmark's HTML, which MarkdownTest holds the short way equal to.
 * Thread-safe: the parser, the renderer factories and the safelist are immutable once built.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create(), TaskListItemsExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final List<HtmlNodeRendererFactory> RENDERERS = renderers();
    private static final UrlSanitizer URLS = new DefaultUrlSanitizer();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).urlSanitizer(URLS).build();
    // A base URI that can never be reached, only so that jsoup can tell relative links are links.
    static final String BASE = "https://dashgen.invalid/";
    static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Markdown() {}

    public static String toHtml(String markdown) {
        return render(markdown).html();
    }

    /** As {@link #toHtml}, with where the text lies that {@link dev.dashgen.portfolio.TextLinks} may link. */
    public static LinkableHtml render(String markdown) {
        if (markdown == null || markdown.isBlank()) return LinkableHtml.EMPTY;
        Node document = PARSER.parse(markdown);
        CleanHtmlWriter out = new CleanHtmlWriter();
        try {
            new Rendering(out).renderRoot(document);
            return out.finish();
        } catch (CleanHtmlWriter.Unusual e) {
            return LinkableHtml.unmapped(cleaned(document));
        }
    }

    /** The long way, what {@link CleanHtmlWriter} must write for every input it takes: commonmark's HTML, cleaned by jsoup. */
    private static String cleaned(Node document) {
        return Jsoup.clean(HTML.render(document), BASE, SAFELIST, OUTPUT);
    }

    /**
     * The node renderers commonmark's HtmlRenderer would use with these extensions (theirs first, the core's
     * last), taken from the extensions themselves, so the markup is commonmark's own.
     */
    private static List<HtmlNodeRendererFactory> renderers() {
        List<HtmlNodeRendererFactory> factories = new ArrayList<>();
        HtmlRenderer.Builder builder = new HtmlRenderer.Builder() {
            @Override
            public HtmlRenderer.Builder nodeRendererFactory(HtmlNodeRendererFactory factory) {
                factories.add(factory);
                return this;
            }

            @Override
            public HtmlRenderer.Builder attributeProviderFactory(AttributeProviderFactory factory) {
                throw new IllegalStateException("a Markdown extension adds attributes, which Markdown.Rendering does not apply");
            }
        };
        builder.extensions(EXTENSIONS);
        factories.add(CoreHtmlNodeRenderer::new);
        return List.copyOf(factories);
    }

    /** One rendering, as commonmark's HtmlRenderer makes it with escapeHtml and sanitizeUrls on. */
    private static final class Rendering implements HtmlNodeRendererContext {
        private final HtmlWriter writer;
        private final Map<Class<? extends Node>, NodeRenderer> byType = new HashMap<>();
        private final List<NodeRenderer> all = new ArrayList<>();

        Rendering(HtmlWriter writer) {
            this.writer = writer;
            for (HtmlNodeRendererFactory factory : RENDERERS) {
                NodeRenderer renderer = factory.create(this);
                all.add(renderer);
                for (Class<? extends Node> type : renderer.getNodeTypes()) byType.putIfAbsent(type, renderer);
            }
        }

        void renderRoot(Node document) {
            all.forEach(r -> r.beforeRoot(document));
            render(document);
            all.forEach(r -> r.afterRoot(document));
        }

        @Override
        public void render(Node node) {
            NodeRenderer renderer = byType.get(node.getClass());
            if (renderer != null) renderer.render(node);
        }

        @Override
        public String encodeUrl(String url) {
            return url;
        }

        @Override
        public Map<String, String> extendAttributes(Node node, String tagName, Map<String, String> attributes) {
            return new LinkedHashMap<>(attributes);
        }

        @Override
        public HtmlWriter getWriter() {
            return writer;
        }

        @Override
        public String getSoftbreak() {
            return "\n";
        }

        @Override
        public boolean shouldEscapeHtml() {
            return true;
        }

        @Override
        public boolean shouldOmitSingleParagraphP() {
            return false;
        }

        @Override
        public boolean shouldSanitizeUrls() {
            return true;
        }

        @Override
        public UrlSanitizer urlSanitizer() {
            return URLS;
        }
    }

    static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addTags("del", "s", "input", "hr")
            .addAttributes("input", "checked")
            .addEnforcedAttribute("input", "type", "checkbox")
            .addEnforcedAttribute("input", "disabled", "disabled")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .preserveRelativeLinks(true);
}
