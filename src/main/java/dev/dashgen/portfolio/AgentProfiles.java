package dev.dashgen.portfolio;

import dev.dashgen.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Agent profiles in {@code .github/agents/}: a pure {@link #parse} and a thin {@link #read} of the folder. */
public final class AgentProfiles {
    public static final String FOLDER = ".github/agents";
    private static final int MAX_BYTES = 1024 * 1024;

    /** The profiles by agent name, and the problems of their front matter (files named from the repository root). */
    public record Profiles(SortedMap<String, AgentProfile> byAgent, List<Problem> problems) {
        public static final Profiles NONE = new Profiles(new TreeMap<>(), List.of());

        public Profiles {
            byAgent = Collections.unmodifiableSortedMap(new TreeMap<>(byAgent));
            problems = List.copyOf(problems);
        }

        /** The profile of an agent: its exact name first, else one that differs only in case. */
        public Optional<AgentProfile> of(String agent) {
            if (agent == null) return Optional.empty();
            AgentProfile exact = byAgent.get(agent);
            if (exact != null) return Optional.of(exact);
            return byAgent.values().stream().filter(p -> p.agent().equalsIgnoreCase(agent)).findFirst();
        }
    }

    public record Parsed(AgentProfile profile, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    private AgentProfiles() {}

    /** One profile file's text; {@code file} is its path from the repository root. */
    public static Parsed parse(String text, String file, String agent) {
        FrontMatter fm = FrontMatter.parse(text, file);
        List<Problem> problems = new ArrayList<>(fm.problems());
        String name = fm.text("name");
        String description = fm.text("description");
        List<String> tools = tools(fm, file, problems);
        return new Parsed(new AgentProfile(agent, file, name == null ? agent : name, description, tools, fm.body()), problems);
    }

    /** {@code tools: [read, edit]} or {@code tools: read, edit} (also {@code "['read', 'edit']"} written as one string). */
    private static List<String> tools(FrontMatter fm, String file, List<Problem> problems) {
        Object value = fm.fields().get("tools");
        if (value == null) return List.of();
        List<String> tools = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && !(item instanceof Map) && !(item instanceof List)) add(tools, String.valueOf(item));
            }
        } else if (value instanceof Map) {
            problems.add(Problem.warning(file, fm.lineOf("tools"), 0,
                    "front matter: tools should be a list or a comma-separated line, not a mapping — write tools: [read, edit]"));
        } else {
            String s = String.valueOf(value).strip();
            if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
            for (String part : s.split(",")) add(tools, part);
        }
        return tools;
    }

    private static void add(List<String> tools, String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (!s.isEmpty() && !tools.contains(s)) tools.add(s);
    }

    /** Every {@code *.agent.md} and {@code *.md} in {@code .github/agents/}; {@code x.agent.md} wins over {@code x.md}. */
    public static Profiles read(Path repoRoot) {
        Path dir = repoRoot.resolve(FOLDER);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return Profiles.NONE;
        TreeMap<String, String> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || name.startsWith(".") || !lower.endsWith(".md")) continue;
                boolean agentMd = lower.endsWith(".agent.md");
                String agent = name.substring(0, name.length() - (agentMd ? ".agent.md".length() : ".md".length()));
                if (agent.isEmpty()) continue;
                if (agentMd || !files.containsKey(agent)) files.put(agent, name);
            }
        } catch (IOException e) {
            return Profiles.NONE;
        }
        SortedMap<String, AgentProfile> byAgent = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        files.forEach((agent, name) -> {
            String rel = FOLDER + "/" + name;
            try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                Parsed parsed = parse(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8), rel, agent);
                byAgent.put(agent, parsed.profile());
                problems.addAll(parsed.problems());
            } catch (IOException e) {
                problems.add(Problem.warning(rel, 0, 0, "agent profile cannot be read (" + e.getClass().getSimpleName()
                        + ") — check its permissions"));
            }
        });
        problems.sort(Problem.ORDER);
        return new Profiles(byAgent, problems);
    }
}
