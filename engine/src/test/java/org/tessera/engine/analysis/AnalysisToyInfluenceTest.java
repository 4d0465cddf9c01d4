package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Influence on a model whose gradients and one-step changes are known in closed form. */
class AnalysisToyInfluenceTest {
    private static final List<double[]> PROBES = List.of(new double[] {1.0, -0.5}, new double[] {-0.3, 2.0},
            new double[] {0.7, 0.7});
    private static final double[] U = {-1.2, 0.4};

    @Test
    void firstOrderEstimateIsTheGradientDotProductTimesEta() {
        try (ToyLogistic toy = new ToyLogistic(0.3, -0.8);
             InfluenceProbe<double[]> probe = new InfluenceProbe<>(toy, PROBES)) {
            double eta = 0.01;
            // measured twice: a second call must not see the first call's gradient (gradients accumulate in DJL)
            probe.measure(U, eta, false);
            InfluenceMeasurement m = probe.measure(U, eta, false);
            double[] gu = toy.gradient(U);
            for (int i = 0; i < PROBES.size(); i++) {
                double[] gv = toy.gradient(PROBES.get(i));
                assertEquals(eta * (gv[0] * gu[0] + gv[1] * gu[1]), m.firstOrder()[i], 1e-12);
            }
            assertEquals(Math.hypot(gu[0], gu[1]), m.gradNorm(), 1e-12);
            assertEquals(toy.logProb(U), m.logProb(), 1e-12);
        }
    }

    @Test
    void actualChangeMatchesFirstOrderWithQuadraticError() {
        try (ToyLogistic toy = new ToyLogistic(0.3, -0.8);
             InfluenceProbe<double[]> probe = new InfluenceProbe<>(toy, PROBES)) {
            double[] before = toy.weights();
            double previous = Double.NaN;
            for (double eta : new double[] {0.08, 0.04, 0.02, 0.01}) {
                InfluenceMeasurement m = probe.measure(U, eta, true);
                double err = 0;
                for (int i = 0; i < PROBES.size(); i++) {
                    assertEquals(Math.signum(m.firstOrder()[i]), Math.signum(m.actual()[i]), "probe " + i);
                    err = Math.max(err, Math.abs(m.actual()[i] - m.firstOrder()[i]));
                    assertTrue(Math.abs(m.actual()[i] - m.firstOrder()[i]) < 0.1 * Math.abs(m.firstOrder()[i]));
                }
                if (!Double.isNaN(previous)) {
                    double ratio = previous / err;
                    assertTrue(ratio > 3.5 && ratio < 4.5, "halving eta should quarter the error, ratio " + ratio);
                }
                previous = err;
                // the measurement restores the weights exactly
                assertArrayEquals(before, toy.weights(), 0.0);
            }
        }
    }

    @Test
    void actualChangeEqualsTheClosedFormStep() {
        try (ToyLogistic toy = new ToyLogistic(-0.4, 1.1);
             InfluenceProbe<double[]> probe = new InfluenceProbe<>(toy, PROBES)) {
            double eta = 0.05;
            double[] w = toy.weights();
            double[] gu = toy.gradient(U);
            InfluenceMeasurement m = probe.measure(U, eta, true);
            for (int i = 0; i < PROBES.size(); i++) {
                double[] x = PROBES.get(i);
                double zAfter = (w[0] + eta * gu[0]) * x[0] + (w[1] + eta * gu[1]) * x[1];
                double expected = -Math.log1p(Math.exp(-zAfter)) - toy.logProb(x);
                assertEquals(expected, m.actual()[i], 1e-12);
            }
        }
    }

    @Test
    void normalisedMagnitudesFollowTheirDefinitions() {
        try (ToyLogistic toy = new ToyLogistic(0.3, -0.8);
             InfluenceProbe<double[]> probe = new InfluenceProbe<>(toy, PROBES)) {
            double eta = 0.01;
            InfluenceMeasurement m = probe.measure(U, eta, false);
            double[] rv = probe.probeResidualNorms();
            double[] unit = m.perUnitStep(m.firstOrder());
            double[] entk = m.entkLowerBound(m.firstOrder(), rv);
            double ru = toy.logitResidualNorms(List.of(U))[0];
            for (int i = 0; i < PROBES.size(); i++) {
                assertEquals(Math.abs(m.firstOrder()[i]) / (eta * m.gradNorm()), unit[i], 1e-12);
                assertEquals(Math.abs(m.firstOrder()[i]) / (eta * rv[i] * ru), entk[i], 1e-12);
                // logits (w.x, 0): K(v,u) = diag(x_v . x_u, 0), r = (1 - sigmoid)(1, -1), so the bound is exactly
                // half of ||K|| = |x_v . x_u| (r is not aligned with K's top singular vector): a valid lower bound
                double[] x = PROBES.get(i);
                assertEquals(Math.abs(x[0] * U[0] + x[1] * U[1]) / 2, entk[i], 1e-9);
            }
        }
    }
}
