package org.tessera.engine.model.tiny;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.TextTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in model's word-level tokenizer. Text splits into special tokens ({@code <think>} ...), newlines, runs
 * of ASCII letters (words), single digits and single punctuation characters. A piece preceded by a space carries
 * the prefix {@value #SPACE} (as in GPT-style vocabularies), so decoding is the exact inverse of encoding for
 * printable ASCII text. A word missing from the vocabulary is spelled letter by letter, so every string is
 * encodable; characters outside printable ASCII become {@code <unk>}.
 */
public final class TinyTokenizer implements TextTokenizer {
    public static final String SPACE = "\u2581";
    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final String SEP = "<sep>";
    public static final String UNK = "<unk>";
    /** Tokens that mark the structure of a completion; they are matched literally in text. */
    public static final List<String> TEXT_SPECIALS = List.of("<think>", "</think>", "<answer>", "</answer>");
    public static final String FORMAT = "tessera-word-level";

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final int padId;
    private final int bosId;
    private final int eosId;
    private final int sepId;
    private final int unkId;

    private TinyTokenizer(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate token '" + tokens.get(i) + "' at id " + i);
            }
        }
        padId = required(PAD);
        bosId = required(BOS);
        eosId = required(EOS);
        sepId = required(SEP);
        unkId = required(UNK);
        for (String s : TEXT_SPECIALS) {
            required(s);
        }
    }

    private int required(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("vocabulary lacks the special token " + token);
        }
        return id;
    }

    /**
     * Builds a vocabulary: special tokens, newline, every printable ASCII character with and without the space
     * prefix, then the given words with and without it (sorted, so the same words give the same ids).
     */
    public static TinyTokenizer build(Collection<String> words) {
        Set<String> vocab = new LinkedHashSet<>(List.of(PAD, BOS, EOS, SEP, UNK));
        vocab.addAll(TEXT_SPECIALS);
        vocab.add("\n");
        vocab.add(SPACE);
        for (char c = 33; c < 127; c++) {
            vocab.add(String.valueOf(c));
            vocab.add(SPACE + c);
        }
        for (String w : new TreeSet<>(words)) {
            if (w.isEmpty() || !w.chars().allMatch(TinyTokenizer::isLetter)) {
                throw new IllegalArgumentException("vocabulary word must be ASCII letters only: '" + w + "'");
            }
            vocab.add(w);
            vocab.add(SPACE + w);
        }
        return new TinyTokenizer(new ArrayList<>(vocab));
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean closedVocabulary() {
        return true;
    }

    @Override
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>(text.length());
        boolean spaced = false;
        int i = 0;
        int n = text.length();
        outer:
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<') {
                for (String s : TEXT_SPECIALS) {
                    if (text.startsWith(s, i)) {
                        if (spaced) {
                            out.add(ids.get(SPACE));
                        }
                        out.add(ids.get(s));
                        spaced = false;
                        i += s.length();
                        continue outer;
                    }
                }
            }
            if (c == ' ') {
                if (spaced) {
                    out.add(ids.get(SPACE)); // a second space in a row: keep it, so decode is exact
                }
                spaced = true;
                i++;
            } else if (c == '\n') {
                if (spaced) {
                    out.add(ids.get(SPACE));
                }
                out.add(ids.get("\n"));
                spaced = false;
                i++;
            } else if (isLetter(c)) {
                int j = i;
                while (j < n && isLetter(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i, j);
                Integer id = ids.get(spaced ? SPACE + word : word);
                if (id != null) {
                    out.add(id);
                } else {
                    for (int k = 0; k < word.length(); k++) {
                        String ch = String.valueOf(word.charAt(k));
                        out.add(ids.get(k == 0 && spaced ? SPACE + ch : ch));
                    }
                }
                spaced = false;
                i = j;
            } else {
                String ch = String.valueOf(c);
                Integer id = ids.get(spaced ? SPACE + ch : ch);
                if (id == null) {
                    if (spaced) {
                        out.add(ids.get(SPACE));
                    }
                    id = unkId;
                }
                out.add(id);
                spaced = false;
                i++;
            }
        }
        if (spaced) {
            out.add(ids.get(SPACE));
        }
        int[] result = new int[out.size()];
        for (int k = 0; k < result.length; k++) {
            result[k] = out.get(k);
        }
        return result;
    }

    @Override
    public String decode(int[] idArray) {
        StringBuilder sb = new StringBuilder();
        for (int id : idArray) {
            if (id == padId || id == bosId || id == eosId || id == sepId) {
                continue;
            }
            if (id < 0 || id >= tokens.size()) {
                sb.append('?');
                continue;
            }
            String t = tokens.get(id);
            if (id == unkId) {
                sb.append('?');
            } else if (t.startsWith(SPACE)) {
                sb.append(' ').append(t, SPACE.length(), t.length());
            } else {
                sb.append(t);
            }
        }
        return sb.toString();
    }

    @Override
    public int vocabSize() {
        return tokens.size();
    }

    @Override
    public int bosId() {
        return bosId;
    }

    @Override
    public int eosId() {
        return eosId;
    }

    @Override
    public int padId() {
        return padId;
    }

    public int sepId() {
        return sepId;
    }

    @Override
    public String tokenText(int id) {
        return id >= 0 && id < tokens.size() ? tokens.get(id) : "<invalid:" + id + ">";
    }

    /** The on-disk form: {@code {"format":"tessera-word-level","version":1,"space_prefix":"▁","tokens":[...]}}. */
    record Json(@JsonProperty("format") String format, @JsonProperty("version") int version,
                @JsonProperty("space_prefix") String spacePrefix, @JsonProperty("tokens") List<String> tokens) {
    }

    public void save(Path file) throws IOException {
        TesseraJson.INDENTED
                .writeValue(file.toFile(), new Json(FORMAT, 1, SPACE, tokens));
    }

    public static TinyTokenizer load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing: a checkpoint folder needs its tokenizer.json");
        }
        Json json;
        try {
            json = TesseraJson.MAPPER.readValue(file.toFile(), Json.class);
        } catch (IOException e) {
            throw new ModelLoadException(file, "not a valid tokenizer file: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(json.format())) {
            throw new ModelLoadException(file, "field 'format' is '" + json.format() + "', expected '" + FORMAT + "'");
        }
        if (json.tokens() == null || json.tokens().isEmpty()) {
            throw new ModelLoadException(file, "field 'tokens' is missing or empty");
        }
        try {
            return new TinyTokenizer(json.tokens());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file, "field 'tokens': " + e.getMessage(), e);
        }
    }
}
