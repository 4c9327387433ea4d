package dev.dashgen.site;

import java.util.EnumSet;
import java.util.Set;

/** {@code 404.html}: served at any depth, so its links are absolute when the site's public address is known. */
final class NotFoundPage implements PageKind {

    @Override
    public Set<Reads> reads() {
        return EnumSet.noneOf(Reads.class);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        out.put("404.html", ctx.theme().render("404", Chrome.context(ctx.meta(), rootUrl(ctx.model().baseUrl()), "Not found", "")));
    }

    private static String rootUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return "";
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }
}
