package org.tessera.engine.world;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Writes a score that does not apply (NaN: {@code choice} of a benchmark without options) as JSON {@code null},
 * which every reader of the suite's JSON skips, instead of Jackson's default string {@code "NaN"}.
 */
final class NanAsNull extends StdSerializer<Double> {
    NanAsNull() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null || value.isNaN()) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
