package org.tessera.engine.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns an image field into pictures: base64 (PNG, JPEG, ...), a Python list of them ({@code ['iVBOR...',
 * '/9j/...']}, VLMEvalKit's multi-image rows, e.g. MMMU), or a path to an image file relative to the benchmark
 * file's folder.
 */
final class ImageDecoding {
    private ImageDecoding() {
    }

    /** @throws IllegalArgumentException with the reason, for a message that names the row */
    static List<Picture> decode(String field, Path folder) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("the image is empty");
        }
        String s = field.strip();
        List<String> parts = s.startsWith("[") && s.endsWith("]") ? RowRules.listOrSelf(s) : List.of(s);
        List<Picture> out = new ArrayList<>();
        for (String p : parts) {
            out.add(one(p.strip(), folder));
        }
        return out;
    }

    private static Picture one(String s, Path folder) {
        byte[] bytes;
        if (looksLikePath(s)) {
            Path file = folder.resolve(s);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("image file " + file + " does not exist");
            }
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read image file " + file + ": " + e.getMessage());
            }
        } else {
            try {
                bytes = Base64.getMimeDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the image is not valid base64 (" + e.getMessage() + ")");
            }
        }
        BufferedImage img;
        try {
            img = Picture.decodeOrNull(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the image cannot be decoded: " + e.getMessage());
        }
        if (img == null) {
            throw new IllegalArgumentException("the image is not a PNG, JPEG, GIF or BMP picture");
        }
        return new Picture(bytes, img.getWidth(), img.getHeight());
    }

    /** A short field with a file extension is a path; base64 of a picture is hundreds of characters at least. */
    static boolean looksLikePath(String s) {
        return s.length() <= 512 && s.matches("(?i).*\\.(png|jpe?g|gif|bmp)");
    }
}
