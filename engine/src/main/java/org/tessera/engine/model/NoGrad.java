package org.tessera.engine.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's autograd recording off for the current thread (like {@code torch.no_grad()}). PyTorch records
 * a graph for every op on a parameter that requires gradients whenever grad mode is on, and grad mode is on by
 * default in every thread: sampling and scoring without this ran several times slower and held the graphs'
 * memory. Restores the previous mode on close, so it nests inside or outside a gradient collector.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
