package org.tessera.engine.world;

import java.util.Map;

/**
 * A clean 5x7 bitmap font, drawn at 2x (10x14 pixels) so that a character fills most of a 16x16 cell and its
 * strokes are 2 pixels wide: readable through 8x8 patches. Covers the digits and seven capitals whose shapes are
 * far apart (no O/0, I/1, B/8 pairs).
 */
public final class GlyphFont {
    public static final String DIGITS = "0123456789";
    public static final String LETTERS = "ehkmrtx";
    public static final int SCALE = 2;
    public static final int WIDTH = 5;
    public static final int HEIGHT = 7;

    private static final Map<Character, String[]> ROWS = Map.ofEntries(
            Map.entry('0', new String[]{".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}),
            Map.entry('1', new String[]{"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('2', new String[]{".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}),
            Map.entry('3', new String[]{"####.", "....#", "....#", ".###.", "....#", "....#", "####."}),
            Map.entry('4', new String[]{"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}),
            Map.entry('5', new String[]{"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('6', new String[]{"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}),
            Map.entry('7', new String[]{"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}),
            Map.entry('8', new String[]{".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[]{".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}),
            Map.entry('e', new String[]{"#####", "#....", "#....", "####.", "#....", "#....", "#####"}),
            Map.entry('h', new String[]{"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}),
            Map.entry('k', new String[]{"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"}),
            Map.entry('m', new String[]{"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}),
            Map.entry('r', new String[]{"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}),
            Map.entry('t', new String[]{"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}),
            Map.entry('x', new String[]{"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}));

    private GlyphFont() {
    }

    public static boolean canDraw(char ch) {
        return ROWS.containsKey(ch);
    }

    /** Whether font pixel (x, y), 0 <= x < 5, 0 <= y < 7, is ink. */
    public static boolean ink(char ch, int x, int y) {
        String[] rows = ROWS.get(ch);
        if (rows == null) {
            throw new IllegalArgumentException("no glyph for '" + ch + "'");
        }
        return rows[y].charAt(x) == '#';
    }
}
