package org.gstats.serve.internal.scans;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gstats.api.scan.ScanRequest;
import org.junit.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

public class ScanOptionsTest {

    @Test
    public void eachOptionSetsItsField() throws Exception {
        JsonObject body = JsonParser.parseString("{\"repository\": \"r\", \"plugins\": [\"commits\"], \"branch\": \"dev\","
                + " \"since\": \"2024-01-31\", \"until\": \"2024-02-01T10:00:00Z\", \"renames\": false,"
                + " \"firstParent\": true, \"author\": \"Ann\", \"maxCommits\": 5, \"mailmap\": false,"
                + " \"includes\": [\"src/**\"], \"excludes\": [\"*.md\"]}").getAsJsonObject();
        ScanRequest request = ScanOptions.of(body).applyTo(ScanRequest.builder(Path.of("/r"))).build();
        assertEquals("dev", request.branch());
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), request.since());
        assertEquals(Instant.parse("2024-02-01T10:00:00Z"), request.until());
        assertFalse(request.detectRenames());
        assertTrue(request.firstParent());
        assertEquals("Ann", request.author());
        assertEquals(5, request.maxCommits());
        assertFalse(request.mailmap());
        assertEquals(List.of("src/**"), request.includes());
        assertEquals(List.of("*.md"), request.excludes());
        assertEquals(List.of("commits"), ScanOptions.plugins(body));
    }

    @Test
    public void wrongValuesAreOneLine() {
        assertBad("{\"colour\": 1}", "unknown option 'colour'");
        assertBad("{\"renames\": \"no\"}", "renames takes true or false");
        assertBad("{\"maxCommits\": 1.5}", "maxCommits takes a whole number");
        assertBad("{\"maxCommits\": -1}", "maxCommits must not be negative");
        assertBad("{\"since\": \"last week\"}", "since takes an ISO date");
        assertBad("{\"includes\": \"src\"}", "includes takes a list of texts");
    }

    private static void assertBad(String json, String message) {
        try {
            ScanOptions.of(JsonParser.parseString(json).getAsJsonObject());
            fail(json + " was accepted");
        } catch (ScanOptions.BadOption e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        }
    }
}
