package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picture shows what the scene says, in the cell it says, and the shapes and sizes are told apart. */
class WorldRendererTest {

    @Test
    void everyCellShowsExactlyItsContent() {
        SceneGenerator g = new SceneGenerator(9);
        for (int i = 0; i < 300; i++) {
            Scene s = g.next(new SceneSpec(0, 5, 0, 3, ReadingFamily.ALPHABET));
            BufferedImage img = SceneRenderer.render(s);
            assertEquals(48, img.getWidth());
            assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
            for (int cell = 1; cell <= 9; cell++) {
                int bg = s.background().rgb();
                int expected = s.objectAt(cell).map(o -> o.colour().rgb())
                        .orElse(s.glyphAt(cell).isPresent() ? SceneRenderer.INK : -1);
                int ink = 0;
                for (int y = Grid.top(cell); y < Grid.top(cell) + 16; y++) {
                    for (int x = Grid.left(cell); x < Grid.left(cell) + 16; x++) {
                        int p = img.getRGB(x, y) & 0xFFFFFF;
                        if (p != bg) {
                            assertEquals(expected, p, "cell " + cell + " of " + s.contentKey());
                            ink++;
                        }
                    }
                }
                if (expected == -1) {
                    assertEquals(0, ink, "empty cell " + cell);
                } else {
                    assertTrue(ink >= 14, "cell " + cell + " shows too little: " + ink + " pixels");
                }
            }
        }
    }

    @Test
    void shapesDifferInManyPixelsAtEverySize() {
        for (Size size : Size.values()) {
            for (ShapeKind a : ShapeKind.values()) {
                for (ShapeKind b : ShapeKind.values()) {
                    if (a.ordinal() < b.ordinal()) {
                        int diff = maskDifference(a, size, b, size);
                        assertTrue(diff >= size.extent(), a + " vs " + b + " at " + size + ": " + diff + " pixels");
                    }
                }
            }
            for (ShapeKind k : ShapeKind.values()) {
                assertTrue(maskDifference(k, Size.SMALL, k, Size.BIG) >= 40, k + " small vs big");
            }
        }
    }

    @Test
    void glyphsDifferInManyPixels() {
        String chars = ReadingFamily.ALPHABET;
        for (int i = 0; i < chars.length(); i++) {
            for (int j = i + 1; j < chars.length(); j++) {
                int diff = 0;
                for (int y = 0; y < GlyphFont.HEIGHT; y++) {
                    for (int x = 0; x < GlyphFont.WIDTH; x++) {
                        if (GlyphFont.ink(chars.charAt(i), x, y) != GlyphFont.ink(chars.charAt(j), x, y)) {
                            diff++;
                        }
                    }
                }
                // one font pixel is 2x2 image pixels; three of them is a clear stroke difference
                assertTrue(diff >= 3, chars.charAt(i) + " vs " + chars.charAt(j) + ": " + diff);
            }
        }
    }

    @Test
    void gridNumbersCellsRowMajor() {
        assertEquals(List.of(1, 1, 1, 3), List.of(Grid.row(1), Grid.column(1), Grid.row(3), Grid.column(3)));
        assertEquals(6, Grid.cell(2, 3));
        assertEquals(4, Grid.neighbour(5, Relation.LEFT_OF));
        assertEquals(2, Grid.neighbour(5, Relation.ABOVE));
        assertEquals(0, Grid.neighbour(3, Relation.RIGHT_OF));
        assertEquals(0, Grid.neighbour(8, Relation.BELOW));
    }

    private static int maskDifference(ShapeKind a, Size sa, ShapeKind b, Size sb) {
        int diff = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if (a.contains(x + 0.5 - 8, y + 0.5 - 8, sa.extent()) != b.contains(x + 0.5 - 8, y + 0.5 - 8, sb.extent())) {
                    diff++;
                }
            }
        }
        return diff;
    }
}
