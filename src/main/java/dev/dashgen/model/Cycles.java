package dev.dashgen.model;

import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds dependency cycles (Tarjan's strongly connected components), each reported once, in id order. */
final class Cycles {
    private Cycles() {}

    static List<List<String>> find(List<Task> tasks, Map<String, Task> byId) {
        return new Tarjan(byId).run(tasks);
    }

    private static final class Tarjan {
        private final Map<String, Task> byId;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final java.util.Set<String> onStack = new java.util.HashSet<>();
        private final List<List<String>> cycles = new ArrayList<>();
        private int counter;

        Tarjan(Map<String, Task> byId) {
            this.byId = byId;
        }

        List<List<String>> run(List<Task> tasks) {
            for (Task t : tasks) {
                if (!index.containsKey(t.id())) visit(t.id());
            }
            cycles.sort(java.util.Comparator.comparing(c -> c.get(0)));
            return cycles;
        }

        // Iterative, so a chain of 100,000 dependencies cannot overflow the stack.
        private void visit(String root) {
            List<String[]> frames = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            open(root);
            frames.add(new String[] {root});
            next.add(0);
            while (!frames.isEmpty()) {
                int top = frames.size() - 1;
                String v = frames.get(top)[0];
                List<String> deps = byId.get(v).dependencies();
                int i = next.get(top);
                if (i < deps.size()) {
                    next.set(top, i + 1);
                    String w = deps.get(i);
                    if (!byId.containsKey(w)) continue;
                    if (!index.containsKey(w)) {
                        open(w);
                        frames.add(new String[] {w});
                        next.add(0);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.remove(top);
                next.remove(top);
                if (top > 0) {
                    String parent = frames.get(top - 1)[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) close(v);
            }
        }

        private void open(String v) {
            index.put(v, counter);
            low.put(v, counter++);
            stack.add(v);
            onStack.add(v);
        }

        private void close(String v) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            boolean selfLoop = component.size() == 1 && byId.get(v).dependencies().contains(v);
            if (component.size() > 1 || selfLoop) {
                java.util.Collections.reverse(component);
                int start = component.indexOf(component.stream().min(String::compareTo).orElseThrow());
                List<String> ordered = new ArrayList<>(component.subList(start, component.size()));
                ordered.addAll(component.subList(0, start));
                cycles.add(ordered);
            }
        }
    }
}
