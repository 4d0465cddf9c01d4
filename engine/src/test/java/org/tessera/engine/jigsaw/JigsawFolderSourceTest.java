package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class JigsawFolderSourceTest {

    private static BufferedImage picture(int w, int h, int type, long seed) {
        BufferedImage src = ProceduralArt.paint(ProceduralArt.Style.SHAPES, seed, Math.max(w, h));
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return img;
    }

    @Test
    void usesGoodFilesAndReportsEachSkippedFileWithItsReason(@TempDir Path dir) throws Exception {
        ImageIO.write(picture(64, 48, BufferedImage.TYPE_INT_RGB, 1), "png", dir.resolve("wide.png").toFile());
        ImageIO.write(picture(30, 90, BufferedImage.TYPE_INT_RGB, 2), "jpg", dir.resolve("tall.JPG").toFile());
        ImageIO.write(picture(40, 40, BufferedImage.TYPE_BYTE_GRAY, 3), "png", dir.resolve("grey.png").toFile());
        ImageIO.write(picture(50, 50, BufferedImage.TYPE_USHORT_GRAY, 4), "png", dir.resolve("sixteen.png").toFile());
        BufferedImage alpha = new BufferedImage(36, 36, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = alpha.createGraphics();
        g.setColor(new Color(200, 30, 30, 128));
        g.fillOval(2, 2, 30, 30);
        g.dispose();
        ImageIO.write(alpha, "png", dir.resolve("alpha.png").toFile());
        Files.createDirectories(dir.resolve("sub"));
        ImageIO.write(picture(48, 48, BufferedImage.TYPE_INT_RGB, 5), "png", dir.resolve("sub/nested.jpeg").toFile());

        ImageIO.write(picture(8, 8, BufferedImage.TYPE_INT_RGB, 6), "png", dir.resolve("tiny.png").toFile());
        Files.write(dir.resolve("empty.png"), new byte[0]);
        byte[] good = Files.readAllBytes(dir.resolve("wide.png"));
        Files.write(dir.resolve("corrupt.png"), Arrays.copyOf(good, 40));
        Files.writeString(dir.resolve("notes.png"), "this is not an image");
        Files.writeString(dir.resolve("readme.txt"), "hello");

        Grid grid = new Grid(3, 3);
        FolderImageSource src = new FolderImageSource(dir, grid, 48);
        Map<String, String> skipped = src.skipped().stream()
                .collect(Collectors.toMap(ImageSource.SkippedFile::file, ImageSource.SkippedFile::reason));
        assertEquals(Set.of("tiny.png", "empty.png", "corrupt.png", "notes.png", "readme.txt"), skipped.keySet(),
                skipped.toString());
        assertTrue(skipped.get("tiny.png").contains("too small for the 3x3 grid"), skipped.get("tiny.png"));
        assertTrue(skipped.get("empty.png").contains("empty"), skipped.get("empty.png"));
        assertTrue(skipped.get("corrupt.png").contains("corrupt"), skipped.get("corrupt.png"));
        assertTrue(skipped.get("notes.png").contains("not a PNG or JPEG"), skipped.get("notes.png"));
        assertTrue(skipped.get("readme.txt").contains("not a .png"), skipped.get("readme.txt"));

        List<ImageSource.SourceImage> train = src.images(Split.TRAIN);
        List<ImageSource.SourceImage> test = src.images(Split.TEST);
        assertEquals(6, train.size() + test.size());
        assertFalse(train.isEmpty());
        assertFalse(test.isEmpty());
        Set<String> trainIds = train.stream().map(ImageSource.SourceImage::id).collect(Collectors.toSet());
        for (ImageSource.SourceImage t : test) {
            assertFalse(trainIds.contains(t.id()));
        }
        for (ImageSource.SourceImage s : train) {
            assertEquals(48, s.image().getWidth());
            assertEquals(48, s.image().getHeight());
            assertEquals(BufferedImage.TYPE_INT_RGB, s.image().getType());
        }

        // Puzzles come from the good files only, each split from its own images, and reassemble exactly.
        PuzzleSpec spec = new PuzzleSpec(grid, dir.toString(), Presentation.TILES, false, 48, Split.TRAIN, false);
        Set<String> used = new HashSet<>();
        for (Puzzle p : new PuzzleGenerator(spec).generate(3, 40)) {
            assertTrue(trainIds.contains(p.imageId()), p.imageId());
            assertTrue(Images.samePixels(p.source(), Reassembler.reassemble(p, p.answer()).image()));
            used.add(p.imageId());
        }
        assertTrue(used.size() > 1);
        for (Puzzle p : new PuzzleGenerator(spec.withSplit(Split.TEST)).generate(3, 10)) {
            assertFalse(trainIds.contains(p.imageId()), p.imageId());
        }
    }

    @Test
    void alphaIsCompositedOverWhite(@TempDir Path dir) throws Exception {
        BufferedImage clear = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB); // fully transparent
        ImageIO.write(clear, "png", dir.resolve("clear.png").toFile());
        ImageFiles.Loaded l = ImageFiles.load(dir.resolve("clear.png"), new Grid(2, 2), 8);
        assertTrue(l.ok(), l.reason());
        assertEquals(0xFFFFFF, l.image().getRGB(3, 3) & 0xFFFFFF);
    }

    @Test
    void cmykJpegIsConverted() throws Exception {
        // 40x40 CMYK JPEG, red (top) to blue (bottom), made with ImageMagick: convert gradient:red-blue -colorspace CMYK
        Path cmyk = Path.of(getClass().getResource("/jigsaw/cmyk.jpg").toURI());
        ImageFiles.Loaded l = ImageFiles.load(cmyk, new Grid(2, 2), 8);
        assertTrue(l.ok(), l.reason());
        int top = l.image().getRGB(4, 0), bottom = l.image().getRGB(4, 7);
        assertTrue(((top >> 16) & 255) > 200 && (top & 255) < 60, Integer.toHexString(top));
        assertTrue(((bottom >> 16) & 255) < 60 && (bottom & 255) > 200, Integer.toHexString(bottom));
    }

    @Test
    void folderWithoutUsableImagesSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "x");
        PuzzleSpec spec = new PuzzleSpec(new Grid(2, 2), dir.toString(), Presentation.COMPOSITE, false, 48,
                Split.TRAIN, false);
        PuzzleGenerator gen = new PuzzleGenerator(spec);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> gen.puzzle(0, 0));
        assertTrue(e.getMessage().contains("no usable train images"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FolderImageSource(dir.resolve("missing"), new Grid(2, 2), 48));
    }

    @Test
    void shippedAssetsLoadAndSplit() {
        FolderImageSource src = new FolderImageSource(PuzzleGenerator.assetsFolder(), new Grid(3, 3), 48);
        assertTrue(src.skipped().isEmpty(), src.skipped().toString());
        assertTrue(src.images(Split.TRAIN).size() + src.images(Split.TEST).size() >= 12);
        assertFalse(src.images(Split.TEST).isEmpty());
    }
}
