package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct values of one name column (model, agent or tool) as small integer codes: 0 is NULL,
 * 1…n the names, n+1 a value the code expression could not place. Codes let a scan carry three names in
 * one integer column and let aggregation key on numbers instead of strings.
 */
final class Names {

    static final String UNPLACED = "(unreadable name)";
    static final int MAX = Cube.CODE_MASK - 1;

    private final List<String> names;
    private final Map<String, Integer> codes = new HashMap<>();
    /** The names' UTF-8 bytes in an open-addressing table, for {@link #code(byte[])}; built on first use. */
    private volatile byte[][] byteKeys;
    private volatile int[] byteCodes;

    private Names(List<String> names) {
        this.names = names;
        for (int i = 0; i < names.size(); i++) codes.put(names.get(i), i + 1);
    }

    /** Names coded as they first appear (for tables read in Java). */
    static Names growing() {
        return new Names(new ArrayList<>());
    }

    /**
     * Every distinct value of {@code column}, in byte order. It is read after the snapshot's last row number
     * is fixed, so it holds every name of the snapshot (and perhaps a few newer ones, which stay unused).
     */
    static Names distinct(Connection c, SqlDialect dialect, String table, String column) throws SQLException {
        Comparator<String> order = dialect.textOrder(c);
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(distinctSql(c, dialect, table, column))) {
            while (r.next()) {
                String name = r.getString(1);
                if (name != null) found.add(name);
            }
        }
        found.sort(order);
        List<String> unique = new ArrayList<>();
        for (String name : found) {
            if (unique.isEmpty() || order.compare(unique.get(unique.size() - 1), name) != 0) unique.add(name);
        }
        return new Names(unique);
    }

    /**
     * With an index on the column, hop from each name to the next through the index (one seek per name, so
     * a handful of names among ten million rows cost microseconds); without one, a plain DISTINCT, which
     * reads the table once. Both compare bytes: a NOCASE column must still yield 'A' and 'a'.
     */
    private static String distinctSql(Connection c, SqlDialect dialect, String table, String column)
            throws SQLException {
        if (!dialect.hasByteOrderIndex(c, table, column)) {
            return "SELECT DISTINCT " + dialect.binary(column) + " FROM " + table;
        }
        String seek = dialect.seekOrder(column);
        return "WITH RECURSIVE names(name) AS (SELECT min(" + seek + ") FROM " + table
                + " UNION ALL SELECT (SELECT min(" + seek + ") FROM " + table + " WHERE " + seek + " > names.name)"
                + " FROM names WHERE names.name IS NOT NULL) SELECT name FROM names";
    }

    boolean tooMany() {
        return names.size() > MAX;
    }

    int size() {
        return names.size();
    }

    /** Whether {@code name} (null included) has a code of its own. */
    boolean knows(String name) {
        return name == null || codes.containsKey(name);
    }

    /** The code of {@code name}, adding it when this dictionary grows; null is 0. */
    int code(String name) {
        if (name == null) return 0;
        Integer code = codes.get(name);
        if (code != null) return code;
        names.add(name);
        codes.put(name, names.size());
        return names.size();
    }

    /**
     * The code of a name given as its UTF-8 bytes (null for NULL), as a scan reads it without making a String;
     * {@link #unplaced()} for a name this dictionary does not hold. For dictionaries read whole ({@link #distinct}),
     * which no longer grow: safe from parallel workers.
     */
    int code(byte[] utf8) {
        if (utf8 == null) return 0;
        byte[][] keys = byteKeys;
        if (keys == null) keys = buildByteTable();
        int[] values = byteCodes;
        int mask = keys.length - 1;
        for (int slot = hash(utf8) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) return unplaced();
            if (java.util.Arrays.equals(key, utf8)) return values[slot];
        }
    }

    private synchronized byte[][] buildByteTable() {
        if (byteKeys != null) return byteKeys;
        int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
        byte[][] keys = new byte[size][];
        int[] values = new int[size];
        for (int i = 0; i < names.size(); i++) {
            byte[] key = names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int slot = hash(key) & (size - 1);
            while (keys[slot] != null) slot = (slot + 1) & (size - 1);
            keys[slot] = key;
            values[slot] = i + 1;
        }
        byteCodes = values;
        byteKeys = keys;
        return keys;
    }

    /**
     * A few bytes and the length, not all bytes: names differ mostly in their length and ends ("agent-07"), a
     * collision only costs a probe, and hashing every byte of three names was a tenth of a PostgreSQL scan.
     */
    private static int hash(byte[] bytes) {
        int n = bytes.length;
        if (n == 0) return 0;
        int h = n;
        h = h * 31 + bytes[n - 1];
        h = h * 31 + bytes[n >> 1];
        h = h * 31 + bytes[0];
        if (n > 1) h = h * 31 + bytes[n - 2];
        h *= 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    int unplaced() {
        return names.size() + 1;
    }

    /** One more than the highest code: the length of arrays indexed by code. */
    int codeLimit() {
        return names.size() + 2;
    }

    String name(int code) {
        if (code == 0) return CostReport.NO_NAME;
        if (code <= names.size()) return names.get(code - 1);
        return UNPLACED;
    }

    /** All codes, ordered by the name shown, for deterministic output. */
    List<Integer> codesByName() {
        List<Integer> all = new ArrayList<>();
        for (int code = 0; code < codeLimit(); code++) all.add(code);
        all.sort(Comparator.comparing(this::name).thenComparingInt(c -> c));
        return all;
    }

    /**
     * SQL giving a number for the value of {@code column} that {@link #decoder()} turns into its code.
     * Few short names: the value's position in one string of all names (shortest first, so no name is
     * found inside a longer one), a single {@code instr} scan. Many: a balanced tree of {@code <} tests over
     * the sorted names, about log2(n) comparisons whatever their number.
     */
    String sql(String column, SqlDialect dialect) {
        String list = positionList();
        if (list != null) {
            return "coalesce(" + dialect.position(dialect.literal(list), column) + ", " + nullPosition(list) + ")";
        }
        String tree = names.isEmpty() ? String.valueOf(unplaced()) : tree(column, dialect, 0, names.size());
        return "(CASE WHEN " + column + " IS NULL THEN 0 ELSE " + tree + " END)";
    }

    /** Maps each number {@link #sql} can give to a code. */
    int[] decoder() {
        String list = positionList();
        if (list == null) {
            int[] identity = new int[codeLimit()];
            for (int i = 0; i < identity.length; i++) identity[i] = i;
            return identity;
        }
        int[] decoder = new int[nullPosition(list) + 1];
        java.util.Arrays.fill(decoder, unplaced());
        decoder[nullPosition(list)] = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            // instr counts characters from 1; an empty name is found at once, on the leading separator.
            int at = name.isEmpty() ? 1 : list.codePointCount(0, list.indexOf(SEPARATOR + name + SEPARATOR)) + 2;
            decoder[at] = i + 1;
        }
        return decoder;
    }

    private static final int POSITION_LIST_LIMIT = 256;

    /** What a NULL value gives: a position no name has, so NULL (code 0) and "not found" (0) stay apart. */
    private static int nullPosition(String list) {
        return list.codePointCount(0, list.length()) + 1;
    }
    private static final String SEPARATOR = "\u001f";

    /** All non-empty names, shortest first, between separators; null when too long or a name holds the separator. */
    private String positionList() {
        StringBuilder list = new StringBuilder(SEPARATOR);
        List<String> byLength = new ArrayList<>(names);
        byLength.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        for (String name : byLength) {
            if (name.contains(SEPARATOR)) return null;
            if (!name.isEmpty()) list.append(name).append(SEPARATOR);
        }
        return list.length() <= POSITION_LIST_LIMIT ? list.toString() : null;
    }

    private String tree(String column, SqlDialect dialect, int from, int to) {
        if (to - from == 1) {
            return "(CASE WHEN " + dialect.binary(column) + " = " + dialect.literal(names.get(from)) + " THEN " + (from + 1)
                    + " ELSE " + unplaced() + " END)";
        }
        int mid = (from + to) >>> 1;
        return "(CASE WHEN " + dialect.binary(column) + " < " + dialect.literal(names.get(mid)) + " THEN "
                + tree(column, dialect, from, mid) + " ELSE " + tree(column, dialect, mid, to) + " END)";
    }
}
