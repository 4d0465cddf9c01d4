package org.tessera.engine.methods;

import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.TrainableModel;

import java.util.Map;

/**
 * Deliberate faults for testing fault tolerance end to end: with the system property
 * {@code tessera.fault.nanAtStep=N}, the policy's weights are poisoned with a NaN just before step N, so the run
 * must stop as "diverged at step N" and keep its last good checkpoint. Off unless the property is set.
 */
final class FaultInjection {
    private FaultInjection() {
    }

    static void maybePoison(TrainableModel policy, long step) {
        String at = System.getProperty("tessera.fault.nanAtStep");
        if (at == null || Long.parseLong(at) != step + 1) {
            return;
        }
        Map<String, HostTensor> w = policy.weightsSnapshot();
        HostTensor first = w.values().iterator().next();
        first.data()[0] = Float.NaN;
        policy.loadWeights(w);
    }
}
