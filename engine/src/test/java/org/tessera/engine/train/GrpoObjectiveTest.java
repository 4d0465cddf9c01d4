package org.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrpoObjectiveTest {
    @Test
    void advantagesOfAHandComputedGroup() {
        // rewards 3, 1, 1, 3: mean 2, unbiased std sqrt(4/3) = 1.1547
        double[] a = GrpoObjective.advantages(new double[] {3, 1, 1, 3}, GrpoObjective.Variant.GRPO);
        double s = 1.1547005383792515 + 1e-4;
        assertArrayEquals(new double[] {1 / s, -1 / s, -1 / s, 1 / s}, a, 1e-9);
        double[] dr = GrpoObjective.advantages(new double[] {3, 1, 1, 3}, GrpoObjective.Variant.DR_GRPO);
        assertArrayEquals(new double[] {1, -1, -1, 1}, dr, 1e-12);
    }

    @Test
    void allEqualRewardsGiveZeroAdvantage() {
        double[] a = GrpoObjective.advantages(new double[] {0.5, 0.5, 0.5}, GrpoObjective.Variant.GRPO);
        assertArrayEquals(new double[] {0, 0, 0}, a, 0);
        assertTrue(GrpoObjective.zeroSpread(new double[] {0.5, 0.5, 0.5}));
        assertFalse(GrpoObjective.zeroSpread(new double[] {0.5, 0.5, 0.25}));
    }

    @Test
    void lossAndKlOnHandComputedTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two rows; row 0 has 2 completion tokens, row 1 has 1 (second column masked)
            NDArray logp = m.create(new float[] {-1f, -2f, -0.5f, -3f}, new Shape(2, 2));
            NDArray mask = m.create(new float[] {1, 1, 1, 0}, new Shape(2, 2));
            NDArray adv = m.create(new float[] {2f, -1f}, new Shape(2, 1));
            // policy = old = reference: ratio 1, KL 0, loss = -mean_rows(mean_tokens(A)) = -(2 + -1)/2
            GrpoObjective.Terms t = GrpoObjective.loss(logp, logp, logp, mask, adv, 0.2f, 0.04f,
                    GrpoObjective.Variant.GRPO, 2);
            assertEquals(-0.5f, t.loss().getFloat(), 1e-6);
            assertEquals(0f, t.kl().getFloat(), 1e-7);
            assertEquals(0f, t.clippedFraction().getFloat(), 0);
            // Dr. GRPO: -(2 + 2 + -1) / (2 rows x 2 max length)
            GrpoObjective.Terms d = GrpoObjective.loss(logp, logp, null, mask, adv, 0.2f, 0f,
                    GrpoObjective.Variant.DR_GRPO, 2);
            assertEquals(-0.75f, d.loss().getFloat(), 1e-6);

            // reference differs by +0.1 on every token: k3 = e^0.1 - 0.1 - 1
            NDArray ref = logp.add(0.1f);
            GrpoObjective.Terms k = GrpoObjective.loss(logp, logp, ref, mask, adv, 0.2f, 0.5f,
                    GrpoObjective.Variant.GRPO, 2);
            double k3 = Math.exp(0.1) - 0.1 - 1;
            assertEquals(k3, k.kl().getFloat(), 1e-6);
            assertEquals(-0.5 + 0.5 * k3, k.loss().getFloat(), 1e-6);

            // ratio outside the clip range: old log-prob lower by 0.5 -> ratio e^0.5 = 1.65 > 1.2
            NDArray old = logp.sub(0.5f);
            GrpoObjective.Terms c = GrpoObjective.loss(logp, old, null, mask, adv, 0.2f, 0f,
                    GrpoObjective.Variant.GRPO, 2);
            // row 0 (A=2 > 0): min(1.6487*2, 1.2*2) = 2.4 per token; row 1 (A=-1): min(-1.6487, -1.2) = -1.6487
            assertEquals(-(2.4 + -Math.exp(0.5)) / 2, c.loss().getFloat(), 1e-5);
            assertEquals(1f, c.clippedFraction().getFloat(), 0);
        }
    }
}
