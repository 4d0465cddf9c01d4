package org.tessera.engine.experiment;

import org.tessera.engine.config.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** An experiment file that cannot run; lists every problem with its JSON path. */
public class ExperimentException extends RuntimeException {
    private final Path file;
    private final List<Problem> problems;

    public ExperimentException(Path file, List<Problem> problems) {
        super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }
}
