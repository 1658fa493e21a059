package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Every Declarative Services component that the gstats bundles ship comes up in the shipped system. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeclarativeServicesIT {

    /** The bundles that must bring components; others may add theirs and are checked too. */
    private static final Set<String> BUNDLES_WITH_COMPONENTS = Set.of("gstats-scanner", "gstats-engine",
            "gstats-plugin-commits", "gstats-plugin-metrics", "gstats-plugin-export", "gstats-shell", "gstats-serve");

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime runtime;

    @Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @Test
    public void everyShippedBundleIsActive() {
        List<String> inactive = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getHeaders().get("Fragment-Host") == null)
                .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                .map(bundle -> bundle.getSymbolicName() + " (state " + bundle.getState() + ")")
                .toList();
        assertEquals("bundles not active", List.of(), inactive);
    }

    @Test
    public void everyGstatsComponentIsActiveOrActivatesOnUse() throws InvalidSyntaxException {
        Set<String> bundlesWithComponents = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int components = 0;
        for (Bundle bundle : context.getBundles()) {
            if (!bundle.getSymbolicName().startsWith("gstats-")) {
                continue;
            }
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
                bundlesWithComponents.add(bundle.getSymbolicName());
                components++;
                check(description, problems);
            }
        }
        assertEquals("components that did not come up", List.of(), problems);
        assertTrue("gstats bundles without components: expected " + BUNDLES_WITH_COMPONENTS + ", found "
                + bundlesWithComponents, bundlesWithComponents.containsAll(BUNDLES_WITH_COMPONENTS));
        assertTrue("at least one component per bundle", components >= BUNDLES_WITH_COMPONENTS.size());
    }

    /**
     * Enabled, satisfied, and, for a component that provides services, each service obtainable
     * (which activates a delayed component) and the component active while it is in use.
     */
    private void check(ComponentDescriptionDTO description, List<String> problems) throws InvalidSyntaxException {
        String name = description.name;
        if (!runtime.isComponentEnabled(description)) {
            problems.add(name + ": disabled");
            return;
        }
        if (runtime.getComponentConfigurationDTOs(description).isEmpty() && servesOnlyWhenAsked(description)) {
            return;
        }
        if (runtime.getComponentConfigurationDTOs(description).isEmpty()) {
            problems.add(name + ": no configuration (configuration policy " + description.configurationPolicy + ")");
            return;
        }
        for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
            if (configuration.state != ComponentConfigurationDTO.ACTIVE
                    && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                problems.add(name + ": " + stateName(configuration.state) + unsatisfied(configuration));
            }
        }
        if (description.serviceInterfaces.length == 0) {
            return;
        }
        ServiceReference<?>[] references = context.getServiceReferences((String) null,
                "(component.name=" + name + ")");
        if (references == null) {
            problems.add(name + ": no service registered for " + Arrays.toString(description.serviceInterfaces));
            return;
        }
        List<ServiceReference<?>> obtained = new ArrayList<>();
        try {
            for (ServiceReference<?> reference : references) {
                if (context.getService(reference) == null) {
                    problems.add(name + ": service " + Arrays.toString(description.serviceInterfaces)
                            + " could not be obtained (activation failed)");
                } else {
                    obtained.add(reference);
                }
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (!obtained.isEmpty() && configuration.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add(name + ": " + stateName(configuration.state) + " while its service is in use");
                }
            }
        } finally {
            obtained.forEach(context::ungetService);
        }
    }

    private static String unsatisfied(ComponentConfigurationDTO configuration) {
        if (configuration.unsatisfiedReferences.length == 0) {
            return "";
        }
        return Arrays.stream(configuration.unsatisfiedReferences)
                .map(reference -> reference.name + (reference.target == null ? "" : " " + reference.target))
                .collect(Collectors.joining(", ", ", unsatisfied references: ", ""));
    }

    /** The servlets and scans of gstats serve wait for the configuration gstats:serve writes when it runs. */
    private static boolean servesOnlyWhenAsked(ComponentDescriptionDTO description) {
        return "require".equals(description.configurationPolicy)
                && Arrays.asList(description.configurationPid).equals(List.of("org.gstats.serve"));
    }

    private static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "state " + state;
        };
    }
}
