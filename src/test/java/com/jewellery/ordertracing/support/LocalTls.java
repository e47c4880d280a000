package com.jewellery.ordertracing.support;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The local CA's files that {@code bin/stack} makes ({@code $PORTAL_TLS_DIR}), and HTTPS servers for the tests'
 * stand-ins (a webhook receiver, a Grafana) with its certificate for localhost, so every hop a test drives is TLS.
 */
public final class LocalTls {

    public static final Path DIR = Path.of(System.getenv()
            .getOrDefault("PORTAL_TLS_DIR", System.getProperty("user.home") + "/.cache/order-portal/tls"));

    private LocalTls() {}

    /** An HTTPS server on {@code 127.0.0.1:port} serving the stack's certificate for localhost (not started). */
    public static HttpsServer server(int port) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        // a thread per exchange: on the dispatcher thread alone, a browser's parallel TLS connections stall
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        return server;
    }

    private static SSLContext serverContext() throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("localhost", privateKey(DIR.resolve("server-key.pem")), new char[0], new Certificate[] {
                certificate(DIR.resolve("server.pem"))
            });
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the local certificate in " + DIR + " (bin/stack start makes it)", e);
        }
    }

    private static Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** bin/stack's keys are unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
