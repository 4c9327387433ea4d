package dev.dashgen.portfolio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links into the repository's web pages (PRODUCT.md §4.2): {@code <repo_url>/blob/<ref>/<path>} to view a file,
 * {@code /edit/} for task files, {@code /commit/<id>}. GitLab's pages sit under {@code /-/} (its unscoped routes are
 * gone for edit and commit). Without a repository URL every function gives null: paths are shown as plain text.
 */
public record RepoLinks(String webUrl, String ref, RemoteUrl.Host host) {

    public static final RepoLinks NONE = new RepoLinks(null, null, null);

    /**
     * The links for a web address (config {@code repo_url}, else the origin remote's) and a ref (the branch, or the
     * commit when HEAD is detached; null: {@code HEAD}, which both hosts resolve to the default branch). An address
     * that is neither http(s) nor a GitHub or GitLab remote gives {@link #NONE}.
     */
    public static RepoLinks of(String repoUrl, String ref) {
        if (repoUrl == null || repoUrl.isBlank()) return NONE;
        String url = repoUrl.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return RemoteUrl.webUrl(url).map(web -> of(web, ref)).orElse(NONE);
        }
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        if (url.toLowerCase(Locale.ROOT).endsWith(".git")) url = url.substring(0, url.length() - 4);
        String host;
        try {
            URI uri = URI.create(url);
            host = uri.getHost();
            if (host == null || uri.getRawQuery() != null || uri.getRawFragment() != null) return NONE;
            // Rebuilt without user info: a token in repo_url must never reach a published page.
            url = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        RemoteUrl.Host kind = RemoteUrl.host(host);
        return new RepoLinks(url, ref == null || ref.isBlank() ? null : ref, kind == null ? RemoteUrl.Host.GITHUB : kind);
    }

    public boolean available() {
        return webUrl != null;
    }

    /** The page showing the file at {@code path} (relative to the repository root), or null. */
    public String view(String path) {
        return page("blob", path);
    }

    /** The page editing the file at {@code path}, or null: the read-only answer to "edit this from the dashboard". */
    public String edit(String path) {
        return page("edit", path);
    }

    /** The page of a commit, or null. */
    public String commit(String id) {
        if (!available() || id == null || !id.matches("[0-9a-fA-F]{4,64}")) return null;
        return webUrl + scope() + "commit/" + id.toLowerCase(Locale.ROOT);
    }

    private String page(String kind, String path) {
        if (!available() || path == null || path.isEmpty()) return null;
        return webUrl + scope() + kind + "/" + segments(ref == null ? "HEAD" : ref) + "/" + segments(path);
    }

    private String scope() {
        return host == RemoteUrl.Host.GITLAB ? "/-/" : "/";
    }

    /** Each {@code /}-separated segment percent-encoded as a URI path segment (UTF-8; space is %20, never +). */
    static String segments(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
