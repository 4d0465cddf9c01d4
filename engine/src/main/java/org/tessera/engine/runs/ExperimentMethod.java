package org.tessera.engine.runs;

import org.tessera.engine.experiment.Experiment;

/**
 * The training an experiment asks for (SFT, GRPO, RFT-then-SFT). Runs inside a worker; resumes from the run
 * folder's newest checkpoint when there is one; reports through the context.
 */
public interface ExperimentMethod {
    void run(Experiment experiment, RunContext context) throws Exception;
}
