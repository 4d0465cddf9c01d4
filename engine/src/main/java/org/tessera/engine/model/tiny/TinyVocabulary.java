package org.tessera.engine.model.tiny;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words the built-in tokenizer keeps as single tokens: prompt words of every task Tessera ships. Any other
 * text still encodes (letter by letter); this list only keeps sequences short.
 */
public final class TinyVocabulary {
    private static final List<String> CORE = List.of(
            "a", "an", "the", "is", "are", "there", "in", "on", "of", "and", "or", "to", "at", "by", "with", "what",
            "where", "which", "how", "many", "much", "cell", "cells", "row", "column", "image", "picture", "tile",
            "tiles", "position", "positions", "piece", "pieces", "grid", "answer", "yes", "no", "i", "see", "so",
            "it", "this", "that", "list", "order", "number", "numbers", "digit", "digits", "letter", "letters",
            "written", "colour", "color", "shape", "shapes", "size", "small", "large", "big", "red", "green", "blue",
            "yellow", "white", "purple", "orange", "black", "grey", "circle", "square", "triangle", "cross",
            "diamond", "ring", "count", "plus", "minus", "times", "left", "right", "top", "bottom", "middle",
            "first", "second", "third", "then", "step", "each", "belongs", "goes", "shuffled", "solve", "puzzle",
            "jigsaw", "think", "reason", "original", "edge", "edges", "match", "matches");

    private TinyVocabulary() {
    }

    /** The core words plus the given task vocabularies (world, jigsaw...). */
    public static Set<String> words(Iterable<? extends Iterable<String>> extra) {
        Set<String> all = new TreeSet<>(CORE);
        for (Iterable<String> list : extra) {
            for (String w : list) {
                all.add(w);
            }
        }
        return all;
    }
}
