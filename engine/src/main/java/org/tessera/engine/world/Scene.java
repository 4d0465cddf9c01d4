package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One picture's content as plain data: a background, shapes and written characters, each in its own cell. Within a
 * scene no two shapes share both colour and kind, so "the red circle" always names one object.
 */
public record Scene(Background background, List<SceneObject> objects, List<Glyph> glyphs) {
    public Scene {
        objects = objects.stream().sorted(Comparator.comparingInt(SceneObject::cell)).toList();
        glyphs = glyphs.stream().sorted(Comparator.comparingInt(Glyph::cell)).toList();
        boolean[] used = new boolean[Grid.CELLS + 1];
        for (SceneObject o : objects) {
            claim(used, o.cell());
        }
        for (Glyph g : glyphs) {
            claim(used, g.cell());
        }
        for (int i = 0; i < objects.size(); i++) {
            for (int j = i + 1; j < objects.size(); j++) {
                if (objects.get(i).colour() == objects.get(j).colour() && objects.get(i).kind() == objects.get(j).kind()) {
                    throw new IllegalArgumentException("two " + objects.get(i).name() + "s in one scene");
                }
            }
        }
    }

    private static void claim(boolean[] used, int cell) {
        if (used[cell]) {
            throw new IllegalArgumentException("cell " + cell + " holds two things");
        }
        used[cell] = true;
    }

    public Optional<SceneObject> objectAt(int cell) {
        return objects.stream().filter(o -> o.cell() == cell).findFirst();
    }

    public Optional<Glyph> glyphAt(int cell) {
        return glyphs.stream().filter(g -> g.cell() == cell).findFirst();
    }

    /** The glyphs' characters in reading order (row-major), space-separated. */
    public String writtenText() {
        List<String> chars = new ArrayList<>();
        for (Glyph g : glyphs) {
            chars.add(String.valueOf(g.ch()));
        }
        return String.join(" ", chars);
    }

    /**
     * A canonical text of the whole content (everything the renderer draws), used to assign scenes to splits and to
     * prove that two splits never share a picture.
     */
    public String contentKey() {
        StringBuilder sb = new StringBuilder(background.name());
        for (SceneObject o : objects) {
            sb.append('|').append(o.cell()).append(o.colour().name()).append(o.kind().name()).append(o.size().name());
        }
        for (Glyph g : glyphs) {
            sb.append('|').append(g.cell()).append('\'').append(g.ch());
        }
        return sb.toString();
    }
}
