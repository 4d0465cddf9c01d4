package org.tessera.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workbench's layers (docs/architecture.md, "App"), kept by rules rather than by good intentions:
 * <ul>
 *   <li>the launcher ({@code org.tessera.app}: main, application, screenshots) may use everything, and nothing uses
 *       it;</li>
 *   <li>the shell ({@code shell}: window, sections) builds the features;</li>
 *   <li>tools ({@code bench}) drive the shell;</li>
 *   <li>features (one package per view) never use each other, the shell or the tools: what two features share lives
 *       below them;</li>
 *   <li>below them, the shared session state ({@code session}: the loaded model, the runs and their event feed) and
 *       the kits ({@code widgets}, {@code charts}, {@code task}) never use a feature, the shell or the tools;</li>
 *   <li>and no package cycles anywhere.</li>
 * </ul>
 * A new package must be put in one of these lists, so that it is placed on purpose.
 */
@AnalyzeClasses(packages = "org.tessera.app", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    static final String ROOT = "org.tessera.app";
    static final List<String> FEATURES = List.of("model", "studio", "runs", "dashboard", "rollouts", "analysis",
            "teaching");
    static final List<String> SHELL = List.of("shell");
    static final List<String> TOOLS = List.of("bench");
    static final List<String> SHARED = List.of("session", "widgets", "charts", "task");

    @ArchTest
    static final ArchRule featuresDoNotUseEachOther = slices().assignedFrom(new FeatureSlices())
            .should().notDependOnEachOther()
            .because("features share through session, widgets, charts and task, never directly");

    @ArchTest
    static final ArchRule featuresDoNotUseTheShellOrTools = noClasses()
            .that().resideInAnyPackage(packages(FEATURES))
            .should().dependOnClassesThat().resideInAnyPackage(packages(concat(SHELL, TOOLS)))
            .because("the shell builds the features, not the reverse");

    @ArchTest
    static final ArchRule sharedPackagesDoNotUseFeaturesShellOrTools = noClasses()
            .that().resideInAnyPackage(packages(SHARED))
            .should().dependOnClassesThat().resideInAnyPackage(packages(concat(FEATURES, SHELL, TOOLS)))
            .because("kits and session state sit below every feature: a feature may use them, not the reverse");

    @ArchTest
    static final ArchRule metricsFilesAreFollowedOnlyByTheEngine = noClasses()
            // the UI benchmark watches the file on its own, as a stopwatch of append-to-chart latency
            .that().resideOutsideOfPackage(ROOT + ".bench..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.tessera.engine.runs.MetricsFollower")
            .because("the run manager parses each metrics line once and hands the events on (RunFeed)");

    @ArchTest
    static final ArchRule oneJsonConfiguration = noClasses()
            .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
            .because("JSON settings are declared once, in the engine's io.TesseraJson");

    @ArchTest
    static final ArchRule nothingUsesTheLauncher = noClasses()
            .that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("the launcher wires everything together; nothing may depend on it");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyPackageIsPlaced = classes()
            .should().resideInAnyPackage(concat(List.of(ROOT), List.of(packages(concat(FEATURES, SHELL, TOOLS,
                    SHARED)))).toArray(String[]::new))
            .because("a new package must be listed in LayeringTest as a feature, the shell, a tool or shared");

    @ArchTest
    static void everyListedPackageExists(JavaClasses classes) {
        for (String p : concat(FEATURES, SHELL, TOOLS, SHARED)) {
            if (!classes.containPackage(ROOT + "." + p)) {
                throw new AssertionError("LayeringTest lists " + ROOT + "." + p + ", which holds no class");
            }
        }
    }

    /** One slice per feature package (sub-packages included); every other class is in no slice. */
    private static final class FeatureSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            for (String feature : FEATURES) {
                String p = ROOT + "." + feature;
                if (javaClass.getPackageName().equals(p) || javaClass.getPackageName().startsWith(p + ".")) {
                    return SliceIdentifier.of(feature);
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the feature packages " + FEATURES;
        }
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> ROOT + "." + n + "..").toArray(String[]::new);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
