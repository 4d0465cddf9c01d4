package org.tessera.engine.config;

import java.util.Optional;

/**
 * Every environment variable Tessera reads, declared once with what it does (docs/architecture.md lists them from
 * here; EnvironmentDocsTest checks). Code asks {@code TesseraEnvironment.RUNS.value()} instead of reading
 * {@code System.getenv} itself.
 */
public enum TesseraEnvironment {
    ROOT("TESSERA_ROOT", "the project folder (set by ./tessera): the shipped model, sample experiments, runs/"),
    RUNS("TESSERA_RUNS", "the runs folder, instead of runs/ under the project folder"),
    HOME("TESSERA_HOME", "Tessera's settings folder (gpu.properties, workbench.properties), instead of ~/.tessera"),
    DEVICE("TESSERA_DEVICE", "cpu or gpu: the device of this process when an experiment says auto"),
    TF32("TESSERA_TF32", "off: fp32 matrix products without TF32 on a GPU that has it"),
    WORKER_NICE("TESSERA_WORKER_NICE", "the niceness of run workers started by the workbench (0 = off, default 5)"),
    DEBUG("TESSERA_DEBUG", "set: the CLI prints stack traces of errors");

    private final String variable;
    private final String help;

    TesseraEnvironment(String variable, String help) {
        this.variable = variable;
        this.help = help;
    }

    public String variable() {
        return variable;
    }

    public String help() {
        return help;
    }

    /** The variable's value, empty when unset or blank. */
    public Optional<String> value() {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
