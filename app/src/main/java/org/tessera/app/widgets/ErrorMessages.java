package org.tessera.app.widgets;

import java.util.LinkedHashSet;
import java.util.Set;

/** Turns a failure into one readable message: the user needs the reason, not a stack trace. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /**
     * The messages of the exception and its causes, outermost first, without repeats (wrappers often copy their
     * cause's message). A throwable without a message is named by its class, so the text is never empty.
     */
    public static String describe(Throwable error) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = error; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            parts.add(message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip());
        }
        return String.join("\nCaused by: ", parts);
    }
}
