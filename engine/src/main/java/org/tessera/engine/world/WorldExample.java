package org.tessera.engine.world;

/** A generated item with the scene it was asked about (null for text-only items), for tests and sample viewers. */
public record WorldExample(Scene scene, KnowledgeItem item) {
}
