package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.jaeger.JaegerChannel.HostPort;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening the channel: endpoint syntax and TLS settings fail early with a message naming the property. */
class JaegerChannelTest {

    @Test
    void endpointsAreHostAndPort() {
        assertThat(HostPort.parse("127.0.0.1:16685")).isEqualTo(new HostPort("127.0.0.1", 16685));
        assertThat(HostPort.parse("jaeger.internal:443")).isEqualTo(new HostPort("jaeger.internal", 443));
        assertThat(HostPort.parse("[::1]:16685")).isEqualTo(new HostPort("::1", 16685));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "16685", "localhost", "localhost:", ":16685", "localhost:http", "localhost:70000"})
    void otherEndpointsNameTheProperty(String endpoint) {
        assertThatThrownBy(() -> JaegerChannel.plaintext(endpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portal.jaeger.endpoint must be host:port");
    }

    @Test
    void aCaFileNeedsTls() {
        assertThatThrownBy(() -> JaegerChannel.open("127.0.0.1:16685", false, Path.of("ca.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portal.jaeger.tls=true");
    }

    @Test
    void aMissingCaFileIsNamed() {
        assertThatThrownBy(() -> JaegerChannel.open("127.0.0.1:16685", true, Path.of("/nonexistent/ca.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/ca.pem")
                .hasMessageContaining("portal.jaeger.ca-file");
    }

    @Test
    void aClientCertificateNeedsItsKeyAndTls() {
        assertThatThrownBy(() -> JaegerChannel.open("127.0.0.1:16685", true, null, Path.of("portal.pem"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portal.jaeger.client-cert-file")
                .hasMessageContaining("portal.jaeger.client-key-file");
        assertThatThrownBy(() -> JaegerChannel.open(
                        "127.0.0.1:16685", false, null, Path.of("portal.pem"), Path.of("portal-key.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portal.jaeger.tls=true");
    }

    @Test
    void aMissingClientCertificateIsNamed() {
        assertThatThrownBy(() -> JaegerChannel.open(
                        "127.0.0.1:16685",
                        true,
                        null,
                        Path.of("/nonexistent/portal.pem"),
                        Path.of("/nonexistent/portal-key.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/portal.pem")
                .hasMessageContaining("portal.jaeger.client-cert-file");
    }
}
