package org.tessera.engine.cli;

import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;
import org.tessera.engine.runs.RunWorker;
import org.tessera.engine.runs.Runs;

/**
 * The composition root of a run worker: it joins the run lifecycle ({@code runs}) to Tessera's jigsaw methods
 * ({@code methods}). It lives here, above both, so that {@code runs} never depends on the methods it executes.
 */
final class Workers {
    private Workers() {
    }

    /** A worker that runs Tessera's jigsaw methods with the retained-knowledge suite its experiment chooses. */
    static RunWorker jigsaw() {
        return new RunWorker(() -> new JigsawMethod(KnowledgeSetups.fromExperiment(Runs.projectRoot()),
                Runs.projectRoot()));
    }
}
