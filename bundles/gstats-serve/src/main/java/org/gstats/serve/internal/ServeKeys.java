package org.gstats.serve.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code [serve]} keys of the gstats configuration, declared once for gstats-config (which
 * derives their checks, defaults file and reference from here). No component reads them from
 * Configuration Admin ({@code per scan} tells gstats-config not to publish them, so the token is
 * not kept there): {@code gstats:serve} resolves them when it starts, and its options win.
 */
@ObjectClassDefinition(pid = ServeKeys.PID, name = "gstats serve keys",
        description = "[serve] per scan: who may use gstats serve and which repositories it may show")
@interface ServeKeys {

    String PID = "org.gstats.serve.command";

    @AttributeDefinition(name = "--token " + ServeCommand.TOKEN_VARIABLE,
            description = "the bearer token gstats serve requires of every request (empty: none; needed to bind an "
                    + "address other than loopback)")
    String token() default "";

    @AttributeDefinition(name = "--port " + ServeCommand.VARIABLE_PREFIX + "PORT",
            description = "the TCP port gstats serve listens on (0: any free one)", min = "0", max = "" + ServeCommand.MAX_PORT)
    int port() default 8080;

    @AttributeDefinition(name = "--bind " + ServeCommand.VARIABLE_PREFIX + "BIND",
            description = "the address gstats serve listens on (any but a loopback address needs a token)")
    String bind() default "127.0.0.1";

    @AttributeDefinition(name = "--root " + ServeCommand.VARIABLE_PREFIX + "ROOTS", description = "directories whose repositories gstats serve may scan and "
            + "show (empty: the directory it was started in)")
    String[] roots() default {};
}
