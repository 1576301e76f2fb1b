package io.github.camelzalo.component.zalo.model;

import java.util.ArrayList;
import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component accepts exactly the numbers that Google's libphonenumber, the maintained source of numbering-plan
 * data, types as Vietnamese {@code MOBILE}: every national prefix is walked down to five digits (one more than the
 * table's four deciding digits), with the lowest and the highest number under it.
 */
class MobileRangesTest {

    private static final PhoneNumberUtil LIBPHONENUMBER = PhoneNumberUtil.getInstance();

    @Test
    void everyPrefixGetsTheVerdictOfTheNumberingPlan() {
        List<String> disagreements = new ArrayList<>();
        for (int prefix = 0; prefix < 100_000; prefix++) {
            for (String rest : new String[] { "0000", "9999" }) {
                String nsn = String.format("%05d", prefix) + rest;
                boolean mobile = LIBPHONENUMBER.getNumberType(new PhoneNumber().setCountryCode(84)
                        .setNationalNumber(Long.parseLong(nsn)).setItalianLeadingZero(nsn.startsWith("0")))
                                 == PhoneNumberType.MOBILE;
                if (mobile != accepted("0" + nsn)) {
                    disagreements.add("0" + nsn + (mobile ? " is mobile" : " is not mobile"));
                }
            }
        }
        assertThat(disagreements).as("numbers on which MobileRanges and libphonenumber %s disagree",
                LIBPHONENUMBER.getClass().getPackage().getImplementationVersion()).isEmpty();
    }

    @Test
    void everyRangeOfTheOperatorsStillHasMobileNumbers() {
        // the operators' ranges as listed by hand before (Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile, iTel);
        // 052 and 089 are only partly mobile (0522, 0523, 0528 and 0896 to 0899)
        String ranges = "032 033 034 035 036 037 038 039 086 096 097 098 081 082 083 084 085 088 091 094 070 076 077"
                        + " 078 079 089 090 093 052 056 058 092 059 099 087";
        for (String range : ranges.split(" ")) {
            boolean someMobile = false;
            for (int d = 0; d <= 9; d++) {
                someMobile |= accepted(range + d + "123456");
            }
            assertThat(someMobile).as(range).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({ "0501234567, 050", "0531234567, 053", "0541234567, 054", "0571234567, 057", "0711234567, 071",
            "0751234567, 075", "0801234567, 080", "0241234567, 02", "0521234567, 0521", "0551234567, 0551",
            "0891234567, 0891", "0992345678, 0992", "0123456789, 0123" })
    void aNumberOutsideTheMobileRangesIsRefusedNamingTheRangeNotTheNumber(String number, String start) {
        assertThatThrownBy(() -> PhoneNumbers.toNational(number, "CamelZaloPhoneNo"))
                .isInstanceOf(ZaloValidationException.class)
                .hasMessage("Invalid Zalo request: CamelZaloPhoneNo must be a Vietnamese mobile number, but numbers"
                            + " starting " + start + " are not in a mobile range of Vietnam's numbering plan");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "098abc4980 | contains 3 characters that are not a digit 0-9",
            "0981234q80 | contains 1 character that is not a digit 0-9",
            "098123498 | has 0 and 8 digits",
            "+84 98 123 49 | has +84 and 7 digits",
            "8498123498 | has 84 and 8 digits",
            "+66 98 123 4980 | has another country code",
            "9812349800 | begins with neither 0 nor 84" })
    void aMalformedNumberIsRefusedSayingWhatIsWrongWithoutRepeatingIt(String number, String what) {
        assertThatThrownBy(() -> PhoneNumbers.toNational(number, "CamelZaloPhoneNo"))
                .isInstanceOf(ZaloValidationException.class)
                .hasMessageEndingWith(", but " + what)
                .hasMessageNotContaining(number.strip()).hasMessageNotContaining("*");
    }

    private static boolean accepted(String national) {
        try {
            return PhoneNumbers.toNational(national, "phone").equals(national);
        } catch (ZaloValidationException e) {
            return false;
        }
    }
}
