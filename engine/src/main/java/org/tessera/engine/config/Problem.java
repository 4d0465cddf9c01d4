package org.tessera.engine.config;

/** One thing wrong with a configuration file: where ({@code $.method.lr}) and what. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
