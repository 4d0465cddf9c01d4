package org.tessera.engine.model;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A float32 tensor in Java memory: what checkpoints are read into and written from. */
public record HostTensor(long[] shape, float[] data) {
    public HostTensor {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    public long size() {
        return data.length;
    }

    /** Host copies of named device arrays, in their order (checkpoints, reference snapshots). */
    public static Map<String, HostTensor> copyOf(Map<String, NDArray> arrays) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, new HostTensor(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    /** Overwrites every array in place with the host tensor of its name; all must be there with matching shapes. */
    public static void assign(Map<String, NDArray> arrays, Map<String, HostTensor> host) {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            HostTensor t = host.get(e.getKey());
            if (t == null || !Arrays.equals(t.shape(), e.getValue().getShape().getShape())) {
                throw new IllegalArgumentException("cannot assign tensor '" + e.getKey() + "': missing or wrong shape");
            }
            e.getValue().set(t.data());
        }
    }
}
