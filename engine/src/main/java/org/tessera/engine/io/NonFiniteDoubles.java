package org.tessera.engine.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * How run-folder files read a number into a {@code double} (docs/contracts): a JSON number, or one of the spellings
 * of a non-finite value ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}); a {@code null} or a missing value
 * is NaN, never 0 (older Tessera wrote a score that does not apply as null). Anything else is an error.
 */
final class NonFiniteDoubles extends StdScalarDeserializer<Double> {
    private NonFiniteDoubles(Class<?> type) {
        super(type);
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("tessera-non-finite-doubles");
        m.addDeserializer(double.class, new NonFiniteDoubles(double.class));
        m.addDeserializer(Double.class, new NonFiniteDoubles(Double.class));
        return m;
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return switch (p.getText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> (Double) ctxt.handleWeirdStringValue(Double.class, p.getText(),
                        "not a number nor \"NaN\", \"Infinity\" or \"-Infinity\"");
            };
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        return (Double) ctxt.handleUnexpectedToken(Double.class, p);
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
        return Double.NaN;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return Double.NaN;
    }
}
