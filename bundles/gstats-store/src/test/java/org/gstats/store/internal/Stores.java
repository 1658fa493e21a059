package org.gstats.store.internal;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.osgi.service.jdbc.DataSourceFactory;

/** Stores for tests, on the drivers' own DataSourceFactory classes (the ones their bundles register). */
final class Stores {

    private Stores() {
    }

    static ScanStoreImpl h2AndPostgres(String url, String scannerVersion) {
        return h2AndPostgres(url, null, null, scannerVersion);
    }

    static ScanStoreImpl h2AndPostgres(String url, String user, String password, String scannerVersion) {
        ScanStoreImpl store = new ScanStoreImpl(configuration(url, user, password), scannerVersion, Map.of(), null);
        store.addFactory(new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver()),
                Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, Database.H2_DRIVER));
        store.addFactory(new org.postgresql.osgi.PGDataSourceFactory(),
                Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, Database.POSTGRESQL_DRIVER));
        return store;
    }

    static StoreConfiguration configuration(String url, String user, String password) {
        return new StoreConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfiguration.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return user == null ? "" : user;
            }

            @Override
            public String password() {
                return password == null ? "" : password;
            }
        };
    }
}
