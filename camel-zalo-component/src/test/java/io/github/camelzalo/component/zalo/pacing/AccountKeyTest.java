package io.github.camelzalo.component.zalo.pacing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One CareSoft tenant is one account however its URL is spelt; otherwise each spelling gets its own limiter and the
 * provider sees the limit several times over.
 */
class AccountKeyTest {

    private static final AccountKey ACME = AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "key-1");

    @ParameterizedTest
    @ValueSource(strings = { "https://api.caresoft.vn/acme", "HTTPS://API.CareSoft.VN/acme", "https://api.caresoft.vn:443/acme",
            "https://api.caresoft.vn/acme/", "https://api.caresoft.vn/./acme", "https://api.caresoft.vn/acme/./",
            "https://api.caresoft.vn/x/../acme", "https://api.caresoft.vn//acme", "https://api.caresoft.vn./acme",
            " https://api.caresoft.vn/acme ", "https://api.caresoft.vn/%61cme" })
    void spellingsOfTheSameTenantAreOneAccount(String spelling) {
        AccountKey key = AccountKey.of("caresoft", spelling, "key-1");

        assertThat(key).isEqualTo(ACME).hasSameHashCodeAs(ACME);
        assertThat(key.getBaseUrl()).isEqualTo("https://api.caresoft.vn/acme");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://api.caresoft.vn/acme", "https://api.caresoft.vn:8443/acme",
            "https://api.caresoft.vn/beta", "https://api.caresoft.vn/ACME", "https://other.caresoft.vn/acme" })
    void otherTenantsOrHostsAreOtherAccounts(String other) {
        assertThat(AccountKey.of("caresoft", other, "key-1")).isNotEqualTo(ACME);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080/acme", "http://LOCALHOST:8080/acme", "http://localhost:8080/acme/" })
    void plainHttpWithAPortToo(String spelling) {
        assertThat(AccountKey.of("caresoft", spelling, "k"))
                .isEqualTo(AccountKey.of("caresoft", "http://localhost:8080/acme", "k"));
        assertThat(AccountKey.of("caresoft", "http://localhost:80/acme", "k"))
                .isEqualTo(AccountKey.of("caresoft", "http://localhost/acme", "k"));
    }

    /** The name shared stores key an account by: the same for every spelling and JVM, another per key, no key in it. */
    @Test
    void theSharedIdIsStablePerAccountAndCarriesNoKey() {
        String id = ACME.id();

        assertThat(id).matches("caresoft:[0-9a-f]{32}").doesNotContain("key-1");
        assertThat(AccountKey.of("caresoft", "HTTPS://API.CareSoft.VN/acme/", "key-1").id()).isEqualTo(id);
        assertThat(AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "key-2").id()).isNotEqualTo(id);
        assertThat(AccountKey.of("etelecom", "https://api.caresoft.vn/acme", "key-1").id()).isNotEqualTo(id);
    }
}
