package dev.dashgen.site;

import java.util.EnumSet;
import java.util.Set;

/** The theme's static files ({@code assets/}: stylesheet, scripts, ECharts), copied as they are. */
final class AssetFiles implements PageKind {

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.ASSETS);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        ctx.theme().assets().forEach(out::put);
        if (ctx.previous() != null) {
            ctx.previous().theme().assets().keySet().forEach(path -> {
                if (!ctx.theme().assets().containsKey(path)) out.remove(path);
            });
        }
    }
}
