package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The identity of a handful of invocations (the top list, the first bad row of each kind), by row number. */
record RowDetails(String invocationId, String timestamp) {

    static Map<Long, RowDetails> fetch(Connection c, SqlDialect dialect, TableShape shape, Collection<Long> rowIds)
            throws SQLException {
        Map<Long, RowDetails> found = new HashMap<>();
        if (rowIds.isEmpty()) return found;
        String rowId = dialect.rowId();
        String ids = rowIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        String sql = "SELECT " + rowId + ", " + (shape.hasInvocationId() ? "invocation_id" : "NULL") + ", timestamp FROM "
                + TableShape.INVOCATIONS + " WHERE " + rowId + " IN (" + ids + ")";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long row = r.getLong(1);
                String id = r.getString(2);
                found.put(row, new RowDetails(id == null ? "row " + row : id, r.getString(3)));
            }
        }
        return found;
    }
}
