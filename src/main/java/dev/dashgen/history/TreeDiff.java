package dev.dashgen.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.Paths;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Which files appeared or disappeared under one folder between two commits, comparing their trees entry by
 * entry and skipping identical subtrees by id, in the order a recursive TreeWalk gives. Commits are compared
 * one after the other along a chain, and a commit's trees are the next commit's old side: each tree read is kept
 * for the next comparison, so the large trees a commit touches (a lane's folder) are parsed once, not twice.
 */
final class TreeDiff {

    /** Told of each path (relative to the folder) whose being a regular file differs between the two sides. */
    interface Changes {
        void change(String path, boolean before, boolean after);
    }

    private static final Tree EMPTY = new Tree(new byte[0], new int[0], new int[0], new int[0], new int[0]);

    private final ObjectReader reader;
    private final byte[][] folder;
    private Map<ObjectId, Tree> previous = new HashMap<>();
    private Map<ObjectId, Tree> current = new HashMap<>();

    /** {@code folder}: the path inside the repository, {@code /}-separated, "" for the root. */
    TreeDiff(ObjectReader reader, String folder) {
        this.reader = reader;
        String[] parts = folder.isEmpty() ? new String[0] : folder.split("/");
        this.folder = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) this.folder[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    }

    /** Compares the folder in two root trees ({@code before} null: nothing before). */
    void compare(ObjectId before, ObjectId after, Changes changes) throws IOException {
        ObjectId a = before;
        ObjectId b = after;
        for (byte[] name : folder) {
            a = a == null ? null : subtree(tree(a), name);
            b = b == null ? null : subtree(tree(b), name);
        }
        if (a == null || b == null || !a.equals(b)) diff(a, b, "", changes);
        previous = current;
        current = new HashMap<>();
    }

    private void diff(ObjectId before, ObjectId after, String prefix, Changes changes) throws IOException {
        Tree a = before == null ? EMPTY : tree(before);
        Tree b = after == null ? EMPTY : tree(after);
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int order = i == a.size() ? 1 : j == b.size() ? -1
                    : Paths.compare(a.raw, a.nameStart[i], a.nameEnd[i], a.mode[i], b.raw, b.nameStart[j], b.nameEnd[j], b.mode[j]);
            if (order < 0) {
                one(a, i++, prefix, true, changes);
            } else if (order > 0) {
                one(b, j++, prefix, false, changes);
            } else {
                if (a.mode[i] != b.mode[j] || !sameId(a, i, b, j)) {
                    boolean treeA = a.isTree(i);
                    boolean treeB = b.isTree(j);
                    if (treeA && treeB) {
                        diff(a.id(i), b.id(j), prefix + a.name(i) + "/", changes);
                    } else if (!treeA && !treeB) {
                        boolean was = file(a.mode[i]);
                        boolean is = file(b.mode[j]);
                        if (was != is) changes.change(prefix + a.name(i), was, is);
                    }
                }
                i++;
                j++;
            }
        }
    }

    /** An entry on one side only: a file came or went, or every file of a folder did. */
    private void one(Tree t, int i, String prefix, boolean before, Changes changes) throws IOException {
        if (t.isTree(i)) {
            if (before) diff(t.id(i), null, prefix + t.name(i) + "/", changes);
            else diff(null, t.id(i), prefix + t.name(i) + "/", changes);
        } else if (file(t.mode[i])) {
            changes.change(prefix + t.name(i), before, !before);
        }
    }

    private static boolean file(int mode) {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    private static boolean sameId(Tree a, int i, Tree b, int j) {
        return Arrays.equals(a.raw, a.idAt[i], a.idAt[i] + Constants.OBJECT_ID_LENGTH,
                b.raw, b.idAt[j], b.idAt[j] + Constants.OBJECT_ID_LENGTH);
    }

    private static ObjectId subtree(Tree t, byte[] name) {
        for (int i = 0; i < t.size(); i++) {
            if (t.isTree(i) && Arrays.equals(t.raw, t.nameStart[i], t.nameEnd[i], name, 0, name.length)) return t.id(i);
        }
        return null;
    }

    private Tree tree(ObjectId id) throws IOException {
        Tree t = current.get(id);
        if (t == null) {
            t = previous.get(id);
            if (t == null) t = Tree.parse(reader.open(id, Constants.OBJ_TREE).getCachedBytes());
            current.put(id.copy(), t);
        }
        return t;
    }

    /** A tree object's entries as offsets into its bytes ({@code <octal mode> <name>\0<20-byte id>} each). */
    private record Tree(byte[] raw, int[] mode, int[] nameStart, int[] nameEnd, int[] idAt) {

        static Tree parse(byte[] raw) {
            int n = 0;
            for (int p = 0; p < raw.length; n++) {
                while (raw[p] != 0) p++;
                p += 1 + Constants.OBJECT_ID_LENGTH;
            }
            int[] mode = new int[n];
            int[] nameStart = new int[n];
            int[] nameEnd = new int[n];
            int[] idAt = new int[n];
            int p = 0;
            for (int i = 0; i < n; i++) {
                int m = 0;
                while (raw[p] != ' ') m = (m << 3) + (raw[p++] - '0');
                mode[i] = m;
                nameStart[i] = ++p;
                while (raw[p] != 0) p++;
                nameEnd[i] = p++;
                idAt[i] = p;
                p += Constants.OBJECT_ID_LENGTH;
            }
            return new Tree(raw, mode, nameStart, nameEnd, idAt);
        }

        int size() {
            return mode.length;
        }

        boolean isTree(int i) {
            return (mode[i] & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        ObjectId id(int i) {
            return ObjectId.fromRaw(raw, idAt[i]);
        }

        String name(int i) {
            return RawParseUtils.decode(raw, nameStart[i], nameEnd[i]);
        }
    }
}
