package org.tessera.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The architectures Tessera can open, by the id a folder's {@code config.json} names: the tiny model's
 * {@code architecture} field, or an entry of a Hugging Face config's {@code architectures} list. The providers are
 * registered with {@link ServiceLoader} ({@link ModelProvider}); none is named here.
 */
public final class ModelArchitectures {
    private static final Map<String, ModelProvider> PROVIDERS = load();

    private ModelArchitectures() {
    }

    private static Map<String, ModelProvider> load() {
        Map<String, ModelProvider> byId = new LinkedHashMap<>();
        for (ModelProvider p : ServiceLoader.load(ModelProvider.class, ModelProvider.class.getClassLoader())) {
            ModelProvider before = byId.putIfAbsent(p.architecture(), p);
            if (before != null) {
                throw new IllegalStateException("two model providers for architecture '" + p.architecture() + "': "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byId);
    }

    /** The provider of an architecture id, or null when none is registered. */
    public static ModelProvider find(String architecture) {
        return PROVIDERS.get(architecture);
    }

    /** Every registered provider by architecture id, in registration order. */
    public static Map<String, ModelProvider> all() {
        return PROVIDERS;
    }
}
