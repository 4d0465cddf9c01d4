package org.tessera.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering, kept by rules (docs/architecture.md):
 * <ul>
 *   <li>no JavaFX: the engine is the headless core the CLI, the workbench and a remote worker share;</li>
 *   <li>no package cycles, each package its own slice, so that {@code model} and {@code model.tiny} count apart:
 *       the model interfaces never name the architectures that implement them (those are found with
 *       {@code ServiceLoader}), {@code runs} never names the methods it executes (the composition root is
 *       {@code cli.Workers}), and analysis reads a task through {@code task}, not through the trainers;</li>
 *   <li>model architectures do not use each other.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "org.tessera.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs headless: CLI, workers, CI");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.tessera.engine.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule architecturesAreIndependent = slices().matching("org.tessera.engine.model.(*)..")
            .should().notDependOnEachOther()
            .because("an architecture package builds on the model interfaces only");

    @ArchTest
    static final ArchRule oneJsonConfiguration = noClasses()
            .that().doNotHaveFullyQualifiedName("org.tessera.engine.io.TesseraJson")
            .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
            .because("JSON settings are declared once, in io.TesseraJson");
}
