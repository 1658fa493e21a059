package org.gstats.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;

/**
 * A bundle's requirements in plain words: which of them nothing in the running framework
 * satisfies ("needs org.gstats.api [2.0,3), this gstats provides 1.1.0"), and which API version
 * it was built for. The resolver decides; this only explains its decision.
 */
final class Requirements {

    /** The package every plugin imports; its import range is the API version a plugin was built for. */
    static final String API_PACKAGE = "org.gstats.api";

    private static final Pattern NAME = Pattern.compile("\\(" + Pattern.quote(PackageNamespace.PACKAGE_NAMESPACE)
            + "=([^)]+)\\)");
    private static final Pattern FLOOR = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
    private static final Pattern CEILING = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern EXACT_FLOOR = Pattern.compile("\\(version=([^)]+)\\)");

    private Requirements() {
    }

    /**
     * Whether the bundle imports a package of the plugin API, {@code org.gstats.api} or one
     * below it, i.e. whether it means to be a gstats plugin: one built against another major
     * version of {@code org.gstats.api.scan} alone is still a plugin that does not fit.
     */
    static boolean importsApi(BundleRevision revision) {
        if (revision == null) {
            return false;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            String name = filter == null ? null : packageName(filter);
            if (name != null && (name.equals(API_PACKAGE) || name.startsWith(API_PACKAGE + "."))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code org.gstats.api} range the bundle imports, e.g. {@code [1.1,2)}; null when none. */
    static String apiRange(BundleRevision revision) {
        if (revision == null) {
            return null;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            if (filter != null && API_PACKAGE.equals(packageName(filter))) {
                return range(filter);
            }
        }
        return null;
    }

    /** One sentence per mandatory requirement that no resolved bundle of the framework satisfies. */
    static List<String> unsatisfied(BundleRevision revision, BundleContext context) {
        List<String> problems = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (Namespace.RESOLUTION_OPTIONAL.equals(
                    requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                continue;
            }
            String filterText = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            if (filterText == null) {
                continue;
            }
            Filter filter;
            try {
                filter = FrameworkUtil.createFilter(filterText);
            } catch (InvalidSyntaxException e) {
                problems.add("has a requirement the framework cannot read: " + filterText);
                continue;
            }
            List<BundleCapability> candidates = capabilities(context, requirement.getNamespace(),
                    revision.getBundle());
            if (candidates.stream().noneMatch(c -> filter.matches(c.getAttributes()))) {
                problems.add(describe(requirement.getNamespace(), filterText, candidates));
            }
        }
        return problems;
    }

    private static String describe(String namespace, String filter, List<BundleCapability> candidates) {
        if (!PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)) {
            return "needs " + namespace + " " + filter + ", which nothing here provides";
        }
        String name = packageName(filter);
        TreeSet<String> versions = new TreeSet<>();
        for (BundleCapability capability : candidates) {
            Map<String, Object> attributes = capability.getAttributes();
            if (name != null && name.equals(attributes.get(PackageNamespace.PACKAGE_NAMESPACE))) {
                versions.add(String.valueOf(attributes.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));
            }
        }
        String wanted = "needs " + name + " " + range(filter);
        return versions.isEmpty() ? wanted + ", which this gstats does not provide"
                : wanted + ", this gstats provides " + String.join(", ", versions);
    }

    /** The capabilities in the namespace of every resolved bundle but {@code self}. */
    private static List<BundleCapability> capabilities(BundleContext context, String namespace, Bundle self) {
        List<BundleCapability> capabilities = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.equals(self) ? null : bundle.adapt(BundleWiring.class);
            if (wiring != null) {
                capabilities.addAll(wiring.getCapabilities(namespace));
            }
        }
        return capabilities;
    }

    static String packageName(String filter) {
        Matcher matcher = NAME.matcher(filter);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * The version range of a package requirement's filter, as Import-Package writes it:
     * {@code (&(osgi.wiring.package=p)(version>=1.1.0)(!(version>=2.0.0)))} is {@code [1.1.0,2.0.0)}.
     */
    static String range(String filter) {
        Matcher floor = FLOOR.matcher(filter);
        Matcher ceiling = CEILING.matcher(filter);
        Matcher exact = EXACT_FLOOR.matcher(filter);
        String low = floor.find() ? floor.group(1) : exact.find() ? exact.group(1) : "0.0.0";
        return ceiling.find() ? "[" + low + "," + ceiling.group(1) + ")" : low;
    }
}
