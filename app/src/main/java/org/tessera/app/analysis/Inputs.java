package org.tessera.app.analysis;

import javafx.scene.control.Spinner;

/** Reads what the user typed into the panels' number fields, with a message when it is not a number. */
final class Inputs {
    private Inputs() {
    }

    /**
     * The spinner's value after committing text typed into it (an editable spinner keeps typed text uncommitted
     * until Enter, so a click on Compute right after typing would otherwise use the old value).
     *
     * @throws IllegalArgumentException naming the field when the text is not a whole number
     */
    static int value(Spinner<Integer> spinner, String name) {
        try {
            spinner.commitValue();
        } catch (RuntimeException e) {
            String typed = spinner.getEditor().getText();
            spinner.cancelEdit();
            throw new IllegalArgumentException(name + " must be a whole number, got '" + typed + "'.");
        }
        return spinner.getValue();
    }
}
