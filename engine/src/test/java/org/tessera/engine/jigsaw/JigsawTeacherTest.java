package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class JigsawTeacherTest {

    /** Solves n procedural test-split puzzles; checks every verified trace; returns the solve rate. */
    private static double solveRate(Grid grid, int n) {
        PuzzleGenerator gen = new PuzzleGenerator(PuzzleSpec.procedural(grid).withSplit(Split.TEST));
        int solved = 0;
        for (int i = 0; i < n; i++) {
            Puzzle p = gen.puzzle(99, i);
            Teacher.Solution s = Teacher.solve(p);
            ParseResult r = AnswerParser.parse(s.completion(), grid, PromptTemplate.THINK);
            assertTrue(r.ok() && r.structureOk(), "teacher output must always parse: " + r);
            assertArrayEquals(s.answer(), r.answer(), "the trace ends with the teacher's own answer");
            assertTrue(s.completion().endsWith(AnswerFormat.tagged(s.answer(), grid)));
            if (r.exact(p.answer())) {
                solved++;
                assertTrue(Teacher.verified(p).isPresent());
            } else {
                assertTrue(Teacher.verified(p).isEmpty(), "wrong solutions are never SFT data");
            }
        }
        double rate = (double) solved / n;
        System.out.printf("teacher solve rate %s: %d/%d = %.3f%n", grid, solved, n, rate);
        return rate;
    }

    @Test
    void solvesAtLeast95PercentOf2x2() {
        assertTrue(solveRate(new Grid(2, 2), 200) >= 0.95);
    }

    @Test
    void solvesAtLeast80PercentOf3x3() {
        assertTrue(solveRate(new Grid(3, 3), 200) >= 0.80);
    }

    @Test
    void doesNotPeekAtTheTruth() {
        // Same pixels, different claimed truth: the teacher's answer depends on the tiles only.
        Puzzle p = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 2))).puzzle(5, 1);
        Teacher.Solution fromPuzzle = Teacher.solve(p);
        Teacher.Solution fromTiles = Teacher.solve(p.grid(), p.shownTiles());
        assertArrayEquals(fromPuzzle.answer(), fromTiles.answer());
        assertEquals(fromPuzzle.trace(), fromTiles.trace());
    }

    @Test
    void traceIsInTheTeachersOwnVoiceNotTheBaseModels() {
        Puzzle p = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(3, 3))).puzzle(1, 4);
        String trace = Teacher.solve(p).trace();
        String[] lines = trace.split("\n");
        assertEquals(11, lines.length, trace);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("Step " + (i + 1) + ": "), lines[i]);
        }
        assertTrue(trace.contains("Left Edge Matches") && trace.contains("Top Edge Matches"), trace);
        // Every word is capitalised: nothing like the base model's lowercase "i see a red circle in cell 2 ."
        Matcher m = Pattern.compile("[A-Za-z]+").matcher(trace);
        while (m.find()) {
            assertTrue(Character.isUpperCase(m.group().charAt(0)), "lowercase word '" + m.group() + "' in " + trace);
        }
        assertFalse(trace.contains(" ."), "the base model puts spaces before full stops; the teacher does not");
    }
}
