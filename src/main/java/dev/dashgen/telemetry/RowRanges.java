package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table into ranges of row numbers of about {@code rows} rows each, all at or below the highest
 * row number when the split is made: reading only these ranges reads one snapshot of an append-only table
 * whatever a writer adds meanwhile. Row numbers from AUTOINCREMENT are dense, so ranges are fixed spans
 * (no query); sparse numbers (ids a writer chose, say) are walked through the table's b-tree instead, so
 * a huge span with few rows never turns into millions of empty ranges.
 */
record RowRanges(List<long[]> ranges) {

    /** Dense spans beyond this many ranges would mostly be empty: walk the rows instead. */
    private static final long MAX_SPANS = 4096;

    RowRanges {
        ranges = List.copyOf(ranges);
    }

    static RowRanges of(Connection c, String table, String rowId, long rows) throws SQLException {
        long first;
        long last;
        boolean empty;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT (SELECT min(" + rowId + ") FROM "
                + table + "), (SELECT max(" + rowId + ") FROM " + table + ")")) {
            r.next();
            first = r.getLong(1);
            last = r.getLong(2);
            empty = r.wasNull();
        }
        List<long[]> ranges = new ArrayList<>();
        if (empty) return new RowRanges(ranges);
        long span = last - first;
        if (span >= 0 && span / rows < MAX_SPANS) {
            for (long from = first; from <= last && from >= first; from += rows) {
                ranges.add(new long[] {from, Math.min(last, from + rows - 1)});
            }
            return new RowRanges(ranges);
        }
        String sql = "SELECT " + rowId + " FROM " + table + " WHERE " + rowId + " >= ? AND " + rowId + " <= ? ORDER BY "
                + rowId + " LIMIT 1 OFFSET " + (rows - 1);
        try (PreparedStatement p = c.prepareStatement(sql)) {
            long from = first;
            while (true) {
                p.setLong(1, from);
                p.setLong(2, last);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next() || r.getLong(1) == last) {
                        ranges.add(new long[] {from, last});
                        return new RowRanges(ranges);
                    }
                    long to = r.getLong(1);
                    ranges.add(new long[] {from, to});
                    from = to + 1;
                }
            }
        }
    }

    int size() {
        return ranges.size();
    }

    long from(int range) {
        return ranges.get(range)[0];
    }

    long to(int range) {
        return ranges.get(range)[1];
    }
}
