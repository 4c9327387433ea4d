package dev.dashgen.portfolio;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web address of a Git remote on GitHub or GitLab: {@code https://host/owner/repo} from the https, ssh and
 * scp-like forms ({@code git@github.com:owner/repo.git}), credentials and the {@code .git} suffix dropped. Any other
 * host gives nothing: dashgen cannot know how its pages are addressed.
 */
public final class RemoteUrl {
    /** {@code scheme://[user[:password]@]host[:port]/path}. */
    private static final Pattern URL = Pattern.compile("(?i)(https?|ssh|git|git\\+ssh|ssh\\+git)://(?:[^@/]*@)?([^/:]+)(?::\\d*)?/(.*)");
    /** {@code [user@]host:path}, as ssh and scp write it. */
    private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?([^/:]+):(?!/)(.*)");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    /** Whose pages a web address is on, which decides how a file's page is addressed. */
    public enum Host { GITHUB, GITLAB }

    private RemoteUrl() {}

    /** {@code https://host/owner/repo} of a remote URL, when it is on GitHub or GitLab. */
    public static Optional<String> webUrl(String remote) {
        if (remote == null) return Optional.empty();
        String s = remote.strip();
        String host;
        String path;
        Matcher m = URL.matcher(s);
        if (m.matches()) {
            host = m.group(2);
            path = m.group(3);
        } else if (!s.contains("://") && (m = SCP.matcher(s)).matches()) {
            host = m.group(1);
            path = m.group(2);
        } else {
            return Optional.empty();
        }
        host = canonicalHost(host.toLowerCase(Locale.ROOT));
        Host kind = host(host);
        if (kind == null) return Optional.empty();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.toLowerCase(Locale.ROOT).endsWith(".git")) path = path.substring(0, path.length() - 4);
        while (path.startsWith("/")) path = path.substring(1);
        String[] segments = path.split("/");
        // GitHub: owner/repo exactly; GitLab: group/[subgroup/…]project.
        if (segments.length < 2 || (kind == Host.GITHUB && segments.length != 2)) return Optional.empty();
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) return Optional.empty();
        }
        return Optional.of("https://" + host + "/" + path);
    }

    /** GitHub for github.com and GitHub Enterprise hosts (github.*), GitLab for gitlab.com and gitlab.*; else null. */
    public static Host host(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("github.com") || h.startsWith("github.")) return Host.GITHUB;
        if (h.equals("gitlab.com") || h.startsWith("gitlab.")) return Host.GITLAB;
        return null;
    }

    private static String canonicalHost(String host) {
        return switch (host) {
            case "www.github.com", "ssh.github.com" -> "github.com";
            case "www.gitlab.com", "altssh.gitlab.com" -> "gitlab.com";
            default -> host;
        };
    }
}
