package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** data/portfolio.json exactly as PRODUCT.md §4.2 specifies, read back with Jackson. */
class PortfolioDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyFieldInTheContractsOrder() throws Exception {
        PortfolioFixture f = PortfolioFixture.standard();
        JsonNode root = JSON.readTree(PortfolioData.bytes(f.portfolio, Sites.NOW));
        assertEquals(List.of("schemaVersion", "now", "initiatives", "unlinked"), fields(root));
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("2026-11-24T12:00:00Z", root.get("now").asText());
        JsonNode checkout = root.get("initiatives").get(0);
        assertEquals(List.of("name", "progress", "tasks", "finished", "specs"), fields(checkout));
        assertEquals("Checkout revamp", checkout.get("name").asText());
        assertEquals(50, checkout.get("progress").asInt());
        assertEquals(4, checkout.get("tasks").asInt());
        assertEquals(2, checkout.get("finished").asInt());
        JsonNode pay = checkout.get("specs").get(0);
        assertEquals(List.of("file", "id", "title", "status", "priority", "completion", "progress", "tasks", "finished", "lanes",
                "taskIds"), fields(pay));
        assertEquals("specifications/checkout/pay.md", pay.get("file").asText());
        assertEquals("SPEC-7", pay.get("id").asText());
        assertEquals("Card <em>payments</em>", pay.get("title").asText());
        assertEquals("in progress", pay.get("status").asText());
        assertEquals("high", pay.get("priority").asText());
        assertEquals(60, pay.get("completion").asInt());
        assertEquals(50, pay.get("progress").asInt());
        assertEquals(List.of("inbox", "assigned", "in_progress", "blocked", "done", "error", "fridge", "archive"), fields(pay.get("lanes")));
        assertEquals(1, pay.get("lanes").get("done").asInt());
        assertEquals(1, pay.get("lanes").get("error").asInt());
        assertEquals(0, pay.get("lanes").get("inbox").asInt());
        assertEquals(List.of("a", "b", "c", "d"), JSON.convertValue(pay.get("taskIds"), List.class));
        JsonNode refunds = checkout.get("specs").get(1);
        assertTrue(refunds.get("progress").isNull(), "no tasks: null progress");
        assertTrue(refunds.get("id").isNull());
        assertEquals(0, refunds.get("tasks").asInt());
        JsonNode none = root.get("initiatives").get(1);
        assertTrue(none.get("name").isNull(), "specifications without an initiative sit under name: null");
        assertEquals(List.of("docs/adr/ADR-002-events.md", "specifications/broken.md"),
                List.of(none.get("specs").get(0).get("file").asText(), none.get("specs").get(1).get("file").asText()));
        assertTrue(none.get("specs").get(1).get("title").isNull(), "broken front matter: by path");
        JsonNode unlinked = root.get("unlinked");
        assertEquals(List.of("id", "reason", "specification"), fields(unlinked.get(0)));
        List<String> rows = new ArrayList<>();
        unlinked.forEach(u -> rows.add(u.get("id").asText() + " " + u.get("reason").asText() + " " + u.get("specification").asText(null)));
        assertEquals(List.of("f no_specification null", "g not_found specifications/gone.md", "h outside_repository ../../elsewhere.md"), rows);
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        assertArrayEquals(PortfolioData.bytes(PortfolioFixture.standard().portfolio, Sites.NOW),
                PortfolioData.bytes(PortfolioFixture.standard().portfolio, Sites.NOW));
    }
}
