package org.tessera.engine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** IoU, box parsing and the frame conversion on cases computed by hand. */
class BoxTest {
    @Test
    void iouByHand() {
        Box a = new Box(0, 0, 10, 10);
        assertEquals(1.0, a.iou(new Box(0, 0, 10, 10)), 1e-12);
        // overlap 5x5 = 25; union 100 + 100 - 25 = 175
        assertEquals(25.0 / 175, a.iou(new Box(5, 5, 15, 15)), 1e-12);
        assertEquals(0.0, a.iou(new Box(10, 0, 20, 10)), 1e-12); // touching edges
        // 100 / 200 = 0.5: exactly RefCOCO's threshold
        assertEquals(0.5, a.iou(new Box(0, 0, 10, 20)), 1e-12);
        // inside: 4 / 100
        assertEquals(0.04, a.iou(new Box(2, 2, 4, 4)), 1e-12);
    }

    @Test
    void parsesWhatModelsWrite() {
        assertEquals(new Box(10, 20, 30, 40), Box.parse(
                "```json\n[\n\t{\"bbox_2d\": [10, 20, 30, 40], \"label\": \"cat 2\"}\n]\n```"));
        // the label comes first: still the bbox_2d numbers
        assertEquals(new Box(1, 2, 3, 4), Box.parse("{\"label\": \"7 dwarfs 8 9\", \"bbox_2d\": [1, 2, 3, 4]}"));
        assertEquals(new Box(10, 20, 30, 40), Box.parse("(10,20),(30,40)"));
        assertEquals(new Box(10.5, 20, 30, 40), Box.parse("[10.5, 20, 30, 40]"));
        assertEquals(new Box(5, 6, 7, 8), Box.parse("<answer>5 6 7 8</answer>"));
        assertNull(Box.parse("no box here"));
        assertNull(Box.parse("[30, 10, 20, 40]")); // x2 < x1
        assertNull(Box.parse("[1, 2, 3]"));
    }

    @Test
    void referenceBoxFormats() {
        assertEquals(new Box(10, 20, 30, 40), BoxFormat.XYXY.read("[10, 20, 30, 40]"));
        assertEquals(new Box(10, 20, 40, 60), BoxFormat.XYWH.read("10,20,30,40"));
        assertNull(BoxFormat.XYXY.read("[10, 20, 5, 40]"));
        assertNull(BoxFormat.XYXY.read("a box"));
    }

    @Test
    void rescaleBetweenFrames() {
        // a 48x48 picture that Qwen2.5-VL sees at 56x56: the box scales by 56/48 on both axes
        Box inFrame = new Box(8, 8, 22, 22).rescale(48, 48, 56, 56);
        assertEquals(8 * 56 / 48.0, inFrame.x1(), 1e-12);
        assertEquals(22 * 56 / 48.0, inFrame.y2(), 1e-12);
        assertEquals(List.of(9L, 9L, 26L, 26L), java.util.Arrays.stream(inFrame.rounded()).boxed().toList());
        assertEquals(1.0, new Box(8, 8, 22, 22).iou(inFrame.rescale(56, 56, 48, 48)), 1e-12);
    }
}
