package io.github.camelzalo.component.zalo.model;

import java.util.Random;

import io.github.camelzalo.component.zalo.ZaloValidationException;
import org.junit.jupiter.api.Test;
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

    /**
     * The masking knows every shape the parser accepts: numbers written with separators anywhere (runs of spaces,
     * dots, dashes, parentheses) and any of the three prefixes, thousands of them at random, are masked in a text.
     */
    @Test
    void everyShapeThatIsAcceptedIsMaskedInAText() {
        Random random = new Random(20260302);
        String[] separators = { " ", "  ", ".", "-", "(", ")", " (", ") ", "\t", "\n", "--" };
        String[] prefixes = { "0", "84", "+84" };
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            String digits = prefixes[random.nextInt(prefixes.length)] + "981234980";
            StringBuilder written = new StringBuilder();
            for (int c = 0; c < digits.length(); c++) {
                if (random.nextInt(3) == 0) {
                    written.append(separators[random.nextInt(separators.length)]);
                }
                written.append(digits.charAt(c));
            }
            String form = written.toString();
            boolean valid;
            try {
                valid = PhoneNumbers.toNational(form, "phone").equals("0981234980");
            } catch (ZaloValidationException e) {
                valid = false;
            }
            if (valid) {
                accepted++;
                String masked = PhoneNumbers.maskAll("Số " + form + " không đúng");
                assertThat(masked.replaceAll("\\D", "")).as("masked %s: %s", form, masked).doesNotContain("1234");
                assertThat(masked).startsWith("Số ").endsWith(" không đúng");
            }
        }
        assertThat(accepted).as("shapes the parser accepted").isGreaterThan(2_000);
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
