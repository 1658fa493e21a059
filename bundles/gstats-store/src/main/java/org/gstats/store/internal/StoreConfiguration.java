package org.gstats.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the store is, installation-wide ({@value #PID}); a scan's {@code --store} overrides it. */
@ObjectClassDefinition(name = "gstats store", description = "The scan store's location and credentials")
@interface StoreConfiguration {

    String PID = "org.gstats.store";

    @AttributeDefinition(description = "false scans without reading or writing the store")
    boolean enabled() default true;

    @AttributeDefinition(description = "JDBC URL of the store (jdbc:h2:… or jdbc:postgresql://…); empty for the "
            + "embedded H2 file under $XDG_CACHE_HOME/gstats/")
    String url() default "";

    @AttributeDefinition(description = "database user (GSTATS_STORE_USER overrides it)")
    String user() default "";

    @AttributeDefinition(description = "database password (GSTATS_STORE_PASSWORD overrides it)",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";
}
