package org.griddesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/// The package rules written down in docs/packages.md, enforced on the production classes.
@AnalyzeClasses(packages = "org.griddesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] UI_TOOLKITS = {"javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.."};
    private static final String[] PERSISTENCE = {"org.jooq..", "java.sql..", "javax.sql..", "org.h2..",
        "org.postgresql..", "com.zaxxer..", "org.flywaydb.."};
    private static final String[] DESK_PANES = {"org.griddesk.desk.queue..", "org.griddesk.desk.detail..",
        "org.griddesk.desk.command..", "org.griddesk.desk.board..", "org.griddesk.desk.district..", "org.griddesk.desk.wall.."};
    private static final String[] HTTP = {"io.javalin..", "org.eclipse.jetty..", "java.net.http.."};

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("org.griddesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(UI_TOOLKITS, PERSISTENCE, HTTP))
            .because("the domain rules must run anywhere: desk, gateway, tests, tools");

    @ArchTest
    static final ArchRule domainDependsOnNothingElseOfOurs = noClasses().that().resideInAPackage("org.griddesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.griddesk.app..", "org.griddesk.store..",
                    "org.griddesk.geo..", "org.griddesk.intake..", "org.griddesk.map..", "org.griddesk.desk..",
                    "org.griddesk.supervise..", "org.griddesk.security..", "org.griddesk.ui..");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackages("org.griddesk.store..", "org.griddesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
            .because("repositories return Java records; jOOQ and JDBC stay inside the store");

    @ArchTest
    static final ArchRule headlessPackagesStayHeadless = noClasses()
            .that().resideInAnyPackage("org.griddesk.store..", "org.griddesk.geo..", "org.griddesk.intake..",
                    "org.griddesk.security..", "org.griddesk.demo..", "org.griddesk.dispatch..", "org.griddesk.onboard..")
            .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKITS)
            .because("the gateway runs these without a display");

    @ArchTest
    static final ArchRule storeDoesNotReachUp = noClasses().that().resideInAPackage("org.griddesk.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.griddesk.app..", "org.griddesk.intake..",
                    "org.griddesk.map..", "org.griddesk.desk..", "org.griddesk.supervise..", "org.griddesk.ui..");

    @ArchTest
    static final ArchRule nothingDependsOnTheWiring = noClasses().that().resideOutsideOfPackage("org.griddesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.griddesk.app..")
            .because("app only wires features together");

    @ArchTest
    static final ArchRule sharedUiKnowsNoFeature = noClasses().that().resideInAPackage("org.griddesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.griddesk.desk..", "org.griddesk.map..",
                    "org.griddesk.supervise..", "org.griddesk.intake..", "org.griddesk.store..");

    @ArchTest
    static final ArchRule theMapDrawsWhatItIsGiven = noClasses().that().resideInAPackage("org.griddesk.map..")
            .should().dependOnClassesThat().resideInAnyPackage("org.griddesk.store..", "org.griddesk.desk..",
                    "org.griddesk.intake..", "org.griddesk.supervise..")
            .because("the map draws the model it is given; the desk reads the store and builds it");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.griddesk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule deskPanesAreFreeOfCycles = slices().matching("org.griddesk.desk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule panesDoNotKnowTheWindow = noClasses().that().resideInAnyPackage(DESK_PANES)
            .should().dependOnClassesThat().resideInAPackage("org.griddesk.desk")
            .because("the window and the desk's model bind the panes; a pane knows only its own view model and the panes it shows");

    @ArchTest
    static final ArchRule theDeskDoesNotReachIntoSupervision = noClasses().that().resideInAPackage("org.griddesk.desk..")
            .should().dependOnClassesThat().resideInAPackage("org.griddesk.supervise..")
            .because("supervision adds its screens to the desk (app wires them), not the desk to supervision");

    @ArchTest
    static final ArchRule theSimulatorSpeaksHttpNotIntakeClasses = noClasses().that().resideInAPackage("org.griddesk.simulate..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(UI_TOOLKITS, PERSISTENCE, new String[] {"org.griddesk.intake..",
                    "org.griddesk.desk..", "org.griddesk.app.."}))
            .because("the simulator is an outside client: it posts through the gateway's API like a real channel");

    @ArchTest
    static final ArchRule noConsolePrintingOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("org.griddesk.app..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("log through SLF4J");

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
