package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientNetworksTest {

    private final ClientNetworks internal = ClientNetworks.parse(SecurityProperties.INTERNAL_NETWORKS);

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1,true",
        "127.0.0.2,true",
        "10.20.30.40,true",
        "172.16.0.1,true",
        "172.31.255.255,true",
        "172.32.0.1,false",
        "192.168.1.1,true",
        "192.169.0.1,false",
        "8.8.8.8,false",
        "0:0:0:0:0:0:0:1,true",
        "::1,true",
        "fd12:3456::1,true",
        "2001:db8::1,false",
        "::ffff:10.0.0.1,true",
        "169.254.1.1,false",
        "not-an-address,false",
        "'',false"
    })
    void theDefaultsAreLoopbackAndThePrivateRanges(String address, boolean allowed) {
        assertThat(internal.contains(address)).isEqualTo(allowed);
    }

    @Test
    void aBareAddressIsOneHost() {
        ClientNetworks one = ClientNetworks.parse(List.of(" 127.0.0.1 ", ""));

        assertThat(one.contains("127.0.0.1")).isTrue();
        assertThat(one.contains("127.0.0.2")).isFalse();
        assertThat(ClientNetworks.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThat(ClientNetworks.parse(List.of("127.0.0.0/8")).contains("localhost"))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0/8",
                "intranet.example",
                "10.0.0.0/8/8",
                "::1/129",
                "10.0.0.0/x"
            })
    void aMistypedNetworkIsRefusedWithTheEntryNamed(String entry) {
        assertThatThrownBy(() -> ClientNetworks.parse(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }
}
