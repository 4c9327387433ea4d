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

    private Names(List<String> names) {
        this.names = names;
        for (int i = 0; i < names.size(); i++) codes.put(names.get(i), i + 1);
    }

    /** Names coded as they first appear (for tables read in Java). */
    static Names growing() {
        return new Names(new ArrayList<>());
    }

    /**
     * Every distinct value of {@code column} in {@code order}, read through the column's index when there is
     * one. It is read after the snapshot's last row number is fixed, so it holds every name of the snapshot.
     */
    static Names distinct(Connection c, String table, String column, Comparator<String> order) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT " + column + " FROM " + table)) {
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

    boolean tooMany() {
        return names.size() > MAX;
    }

    int size() {
        return names.size();
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
     * SQL giving the code of {@code column}: a balanced tree of {@code <} tests over the sorted names, then
     * one equality test, so a row costs about log2(n) comparisons however many names there are.
     */
    String sql(String column, SqlDialect dialect) {
        String tree = names.isEmpty() ? String.valueOf(unplaced()) : tree(column, dialect, 0, names.size());
        return "(CASE WHEN " + column + " IS NULL THEN 0 ELSE " + tree + " END)";
    }

    private String tree(String column, SqlDialect dialect, int from, int to) {
        if (to - from == 1) {
            return "(CASE WHEN " + column + " = " + dialect.literal(names.get(from)) + " THEN " + (from + 1)
                    + " ELSE " + unplaced() + " END)";
        }
        int mid = (from + to) >>> 1;
        return "(CASE WHEN " + column + " < " + dialect.literal(names.get(mid)) + " THEN "
                + tree(column, dialect, from, mid) + " ELSE " + tree(column, dialect, mid, to) + " END)";
    }
}
