package org.gstats.store.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

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

    /** An H2 store at {@code url} that counts the connections H2's data source gives in {@code connections}. */
    static ScanStoreImpl countingConnections(String url, AtomicInteger connections) {
        ScanStoreImpl store = new ScanStoreImpl(configuration(url, null, null), "scanner 1", Map.of(), null);
        DataSourceFactory h2 = new org.h2.util.OsgiDataSourceFactory(new org.h2.Driver());
        store.addFactory(new DataSourceFactory() {
            @Override
            public DataSource createDataSource(Properties properties) throws SQLException {
                DataSource dataSource = h2.createDataSource(properties);
                return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                        new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                            if (method.getName().equals("getConnection")) {
                                connections.incrementAndGet();
                            }
                            try {
                                return method.invoke(dataSource, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public ConnectionPoolDataSource createConnectionPoolDataSource(Properties properties) {
                throw new UnsupportedOperationException();
            }

            @Override
            public XADataSource createXADataSource(Properties properties) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Driver createDriver(Properties properties) {
                throw new UnsupportedOperationException();
            }
        }, Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, Database.H2_DRIVER));
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
