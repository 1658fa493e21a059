package org.gstats.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the store is, installation-wide ({@value #PID}); a scan's {@code --store} overrides it. */
@ObjectClassDefinition(name = "gstats store",
        description = "[store] per scan: the scan store's location and credentials")
@interface StoreConfiguration {

    String PID = "org.gstats.store";

    @AttributeDefinition(name = "--no-store",
            description = "record scans in the scan store and replay known commits from it")
    boolean enabled() default true;

    @AttributeDefinition(name = "--store", description = "JDBC URL of the scan store, jdbc:h2:... or "
            + "jdbc:postgresql://... (empty: an H2 file under $XDG_CACHE_HOME/gstats; GSTATS_STORE overrides it)")
    String url() default "";

    @AttributeDefinition(description = "the store's database user (GSTATS_STORE_USER overrides it)")
    String user() default "";

    @AttributeDefinition(description = "the store's database password (GSTATS_STORE_PASSWORD overrides it)",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";
}
