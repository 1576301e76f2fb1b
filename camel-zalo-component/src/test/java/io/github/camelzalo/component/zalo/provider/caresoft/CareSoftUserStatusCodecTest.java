package io.github.camelzalo.component.zalo.provider.caresoft;

import io.github.camelzalo.component.zalo.model.UserStatusRequest;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.UserStatusBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CareSoftUserStatusCodecTest {

    /** The directly written body must be byte for byte what Jackson writes. */
    @ParameterizedTest
    @CsvSource(value = { "0981234980,1600190000752846", "+84 98 123 4980,1600190000752846", "0381234980,NULL",
            "84981234980,7" }, nullValues = "NULL")
    void writesTheBodyJacksonWouldWrite(String phone, String oaId) {
        UserStatusRequest request = UserStatusRequest.builder().phoneNo(phone).oaId(oaId).build();

        byte[] written = new CareSoftUserStatusCodec().encode(request);

        assertThat(written).isEqualTo(ProviderJson.write(new UserStatusBody(request.getPhoneNo(), request.getOaId())));
    }
}
