package newsflow.lab.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The architecture, held by a test: which module may use which, no package cycles anywhere, and an extraction
 * library that runs without Kafka. It reads the main classes of every module (tests are not checked), which is why
 * it lives in lab: lab's test classpath is the only one that holds all seven modules.
 */
@AnalyzeClasses(
        packages = "newsflow",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /**
     * The allowed module graph. A module may use its own packages and what its row names (a module, or one package
     * of a module); any other newsflow package is forbidden. Services never see app or lab; nothing sees lab.
     */
    static final List<Row> ALLOWED = List.of(
            //   module     may depend on
            row("common"),
            row("ingest", "common"),
            row("enrich", "common"),
            row("index", "common"),
            // search reads the indexed document's shape, never the index stage, bulk writer, client or schema
            row("search", "common", "index.document"),
            row("app", "common", "ingest", "enrich", "index", "search"),
            row("lab", "common", "ingest", "enrich", "index", "search", "app"));

    /** What the extraction library ({@code newsflow.enrich.extract}) may use of newsflow: no Kafka, no stage. */
    static final String[] EXTRACTION_MAY_USE = {
        "newsflow.enrich.extract..",
        "newsflow.common.json..",
        "newsflow.common.model..",
        "newsflow.common.text..",
        "newsflow.common.url.."
    };

    @ArchTest
    static final ArchRule modules_use_only_what_their_row_allows = ALLOWED.stream()
            .map(Row::rule)
            .reduce(CompositeArchRule::and)
            .orElseThrow();

    @ArchTest
    static final ArchRule packages_form_no_cycle =
            slices().matching("newsflow.(**)").namingSlices("$1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule extraction_runs_without_kafka = noClasses()
            .that().resideInAPackage("newsflow.enrich.extract..")
            .should().transitivelyDependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("the extraction library is meant to be usable without Kafka");

    @ArchTest
    static final ArchRule extraction_uses_only_its_own_and_commons_text_model_json_url = classes()
            .that().resideInAPackage("newsflow.enrich.extract..")
            .should().onlyDependOnClassesThat(
                    resideOutsideOfPackage("newsflow..").or(resideInAnyPackage(EXTRACTION_MAY_USE)))
            .because("the extraction library must not pull in the enrich stage, classifier or topics");

    @ArchTest
    static final ArchRule http_servers_are_opened_through_HttpServers = noClasses()
            .that().doNotHaveFullyQualifiedName("newsflow.common.server.HttpServers")
            .should().callMethod(com.sun.net.httpserver.HttpServer.class, "create",
                    java.net.InetSocketAddress.class, int.class)
            .because("HttpServers turns Nagle's algorithm off; a server opened directly held every answer over 8 KB "
                    + "for the client's 40 ms delayed ACK");

    /** A new module fails here until it has a row, and a module whose classes were not found cannot pass vacuously. */
    @ArchTest
    static void every_module_has_a_row_and_classes(JavaClasses imported) {
        Set<String> found = imported.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("newsflow."))
                .map(name -> name.split("\\.")[1])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = ALLOWED.stream().map(Row::module).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).isEqualTo(listed);
    }

    @ArchTest
    static void the_table_forbids_services_from_using_app_and_lab_and_app_from_using_lab(JavaClasses ignored) {
        for (Row row : ALLOWED) {
            if (!row.module().equals("lab")) {
                assertThat(row.mayUse()).as(row.module()).doesNotContain("lab");
            }
            if (!row.module().equals("app") && !row.module().equals("lab")) {
                assertThat(row.mayUse()).as(row.module()).doesNotContain("app");
            }
        }
        assertThat(ALLOWED.getFirst().mayUse()).as("common uses no other module").isEmpty();
    }

    /** The rules must bite: a cycle planted in the test fixtures is found, and so is a real edge the table forbids. */
    @ArchTest
    static void the_rules_find_what_they_forbid(JavaClasses imported) {
        JavaClasses planted = new ClassFileImporter().importPackages("newsflow.lab.arch.cycle");
        assertThat(packages_form_no_cycle.evaluate(planted).hasViolation()).as("planted cycle found").isTrue();

        // search uses newsflow.index.document today: a row without it must report that
        EvaluationResult narrowed = row("search", "common").rule().evaluate(imported);
        assertThat(narrowed.getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .contains("<newsflow.search.")
                        .contains("newsflow.index.document"));
        // and enrich.extract uses common.url today: a list without it must report that
        EvaluationResult extraction = classes()
                .that().resideInAPackage("newsflow.enrich.extract..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("newsflow..")
                        .or(resideInAnyPackage("newsflow.enrich.extract..", "newsflow.common.json..",
                                "newsflow.common.model..", "newsflow.common.text..")))
                .evaluate(imported);
        assertThat(extraction.hasViolation()).as("extract -> common.url found").isTrue();
    }

    static Row row(String module, String... mayUse) {
        return new Row(module, List.of(mayUse));
    }

    /** One line of the table: {@code module} may use the modules or module packages in {@code mayUse}. */
    record Row(String module, List<String> mayUse) {

        CompositeArchRule rule() {
            String[] allowed = Stream.concat(Stream.of(module), mayUse.stream())
                    .map(name -> "newsflow." + name + "..")
                    .toArray(String[]::new);
            DescribedPredicate<JavaClass> forbidden = DescribedPredicate.describe(
                    "are in a newsflow package outside " + Arrays.toString(allowed),
                    target -> target.getPackageName().startsWith("newsflow.")
                            && !resideInAnyPackage(allowed).test(target));
            return CompositeArchRule.of(noClasses()
                    .that().resideInAPackage("newsflow." + module + "..")
                    .should().dependOnClassesThat(forbidden)
                    .because(module + "'s row of the module table in ArchitectureTest allows no more"));
        }
    }

    /** Another module's test fixtures (a {@code -tests.jar}) are test code too: DoNotIncludeTests misses jars. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
