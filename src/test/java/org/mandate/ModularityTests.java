package org.mandate;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails the build when a module reaches into another module's internals, depends on a module it does not
 * declare, or modules form a cycle; and writes the module diagrams
 * into {@code docs/modules}, so that what the documentation says is what the build verified.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void documentsTheModules() {
        // Diagrams only: the module canvases read the Javadoc through a JSON parser that trips over
        // escaped quotes in comments.
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
