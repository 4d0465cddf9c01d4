package org.tessera.engine.model;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The weight files of a Hugging Face model folder: {@code model.safetensors}, or shards listed by
 * {@code model.safetensors.index.json} ({@code weight_map}: tensor name -> shard file). Tensors are found by a
 * canonical name (the caller's renaming of the file's keys) and read one at a time, memory-mapped, so a model larger
 * than the heap loads tensor by tensor.
 */
public final class HfWeightFiles implements AutoCloseable {
    public static final String SINGLE = "model.safetensors";
    public static final String INDEX = "model.safetensors.index.json";

    /** Where a tensor is: its file and its name in that file. */
    private record Location(MappedSafetensors file, String key) {
    }

    private final Path dir;
    private final List<MappedSafetensors> files;
    private final Map<String, Location> byCanonical;
    /** The file an error about a missing tensor should name: the index when there is one. */
    private final Path listing;

    private HfWeightFiles(Path dir, List<MappedSafetensors> files, Map<String, Location> byCanonical, Path listing) {
        this.dir = dir;
        this.files = files;
        this.byCanonical = byCanonical;
        this.listing = listing;
    }

    /** Opens the folder's weights; {@code canonical} maps a key as stored to the name the model uses. */
    public static HfWeightFiles open(Path dir, UnaryOperator<String> canonical) {
        Path index = dir.resolve(INDEX);
        Path single = dir.resolve(SINGLE);
        List<MappedSafetensors> files = new ArrayList<>();
        Map<String, Location> map = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(index)) {
                Map<String, String> weightMap = readIndex(index);
                Map<String, MappedSafetensors> shards = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : weightMap.entrySet()) {
                    MappedSafetensors shard = shards.get(e.getValue());
                    if (shard == null) {
                        Path shardFile = dir.resolve(e.getValue());
                        if (!Files.isRegularFile(shardFile)) {
                            throw new ModelLoadException(shardFile, "missing: " + INDEX + " lists it as the shard of '"
                                    + e.getKey() + "'");
                        }
                        shard = MappedSafetensors.open(shardFile);
                        shards.put(e.getValue(), shard);
                        files.add(shard);
                    }
                    if (!shard.entries().containsKey(e.getKey())) {
                        throw new ModelLoadException(shard.file(), "tensor '" + e.getKey() + "' is not in this shard, "
                                + "though " + INDEX + " says it is");
                    }
                    map.put(canonical.apply(e.getKey()), new Location(shard, e.getKey()));
                }
                return new HfWeightFiles(dir, files, map, index);
            }
            if (!Files.isRegularFile(single)) {
                throw new ModelLoadException(single, "missing: the folder has neither " + SINGLE + " nor " + INDEX);
            }
            MappedSafetensors f = MappedSafetensors.open(single);
            files.add(f);
            for (String key : f.entries().keySet()) {
                map.put(canonical.apply(key), new Location(f, key));
            }
            return new HfWeightFiles(dir, files, map, single);
        } catch (RuntimeException e) {
            files.forEach(MappedSafetensors::close);
            throw e;
        }
    }

    private static Map<String, String> readIndex(Path index) {
        JsonNode root;
        try {
            root = TesseraJson.MAPPER.readTree(index.toFile());
        } catch (IOException e) {
            throw new ModelLoadException(index, "not valid JSON: " + e.getMessage(), e);
        }
        JsonNode wm = root == null ? null : root.get("weight_map");
        if (wm == null || !wm.isObject()) {
            throw new ModelLoadException(index, "field 'weight_map' is missing or not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = wm.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ModelLoadException(index, "weight_map entry '" + e.getKey() + "' is not a file name");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    public boolean contains(String canonicalName) {
        return byCanonical.containsKey(canonicalName);
    }

    /** Canonical names of every stored tensor. */
    public java.util.Set<String> names() {
        return byCanonical.keySet();
    }

    /** Reads one tensor as float32, checking it has the expected shape. */
    public HostTensor read(String canonicalName, long[] expectedShape) {
        Location loc = locate(canonicalName, expectedShape);
        return loc.file.readFloat(loc.key);
    }

    /** Values {@code [from, from + count)} of a tensor (shape checked as in {@link #read}). */
    public float[] readRange(String canonicalName, long[] expectedShape, long from, int count) {
        Location loc = locate(canonicalName, expectedShape);
        return loc.file.readFloatRange(loc.key, from, count);
    }

    /** As above, into {@code out} (from its position on). */
    public void readRange(String canonicalName, long[] expectedShape, long from, int count, java.nio.FloatBuffer out) {
        Location loc = locate(canonicalName, expectedShape);
        loc.file.readFloatRange(loc.key, from, count, out);
    }

    private Location locate(String canonicalName, long[] expectedShape) {
        Location loc = byCanonical.get(canonicalName);
        if (loc == null) {
            throw new ModelLoadException(listing, "tensor '" + canonicalName + "' is missing"
                    + (listing.getFileName().toString().equals(INDEX) ? " from weight_map" : "")
                    + " (config.json implies shape " + java.util.Arrays.toString(expectedShape) + ")");
        }
        MappedSafetensors.Entry e = loc.file.entry(loc.key);
        if (!java.util.Arrays.equals(e.shape(), expectedShape)) {
            throw new ModelLoadException(loc.file.file(), "tensor '" + loc.key + "' has shape "
                    + java.util.Arrays.toString(e.shape()) + " but config.json implies "
                    + java.util.Arrays.toString(expectedShape));
        }
        return loc;
    }

    /** The dtypes stored on disk (e.g. {@code BF16}), for the model card. */
    public String dtypes() {
        return files.stream().flatMap(f -> f.entries().values().stream()).map(MappedSafetensors.Entry::dtype)
                .distinct().sorted().reduce((a, b) -> a + "," + b).orElse("none");
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        files.forEach(MappedSafetensors::close);
    }
}
