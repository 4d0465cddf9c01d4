package org.tessera.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Where in a JSON file Jackson found a problem, for error messages that name the line. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** "line L, column C", or null when Jackson knows no location. */
    public static String location(JsonProcessingException e) {
        return e.getLocation() == null ? null
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** " (line L, column C)" to append to a message, or "" when there is no location. */
    public static String suffix(JsonProcessingException e) {
        String where = location(e);
        return where == null ? "" : " (" + where + ")";
    }
}
