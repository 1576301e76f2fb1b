package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written fast checks must accept and refuse exactly what the regular expressions did. */
class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = { "0981234980", "0381234980", "0581234980", "0781234980", "0881234980", "84981234980",
            "+84 98 123 4980", "098.123.4980", "098-123-4980", " 0981234980 ", "(098) 123 4980" })
    void mobileNumbersInAnyWrittenFormBecomeTheNationalForm(String written) {
        assertThat(PhoneNumbers.toNational(written, "phone")).matches("0[35789]\\d{8}").endsWith("1234980");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0281234980", "0181234980", "098123498", "09812349801", "098123498a", "9812349800",
            "٠٩٨١٢٣٤٩٨٠", "０９８１２３４９８０", "+1 98 123 4980" })
    void otherNumbersAreRefused(String written) {
        assertThatThrownBy(() -> PhoneNumbers.toNational(written, "phone"))
                .isInstanceOf(ZaloValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1600190000752846", " 42 ", "7" })
    void numericIdsAreAscii09Only(String id) {
        assertThat(Checks.numericId("id", id)).isEqualTo(id.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = { "١٢٣", "12a", "-12", "1 2", "0", "000", "123456789012345678901234567890123" })
    void anythingElseIsNoNumericId(String id) {
        assertThatThrownBy(() -> Checks.numericId("id", id)).isInstanceOf(ZaloValidationException.class);
    }
}
