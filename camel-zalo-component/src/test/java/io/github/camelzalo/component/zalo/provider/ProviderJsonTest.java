package io.github.camelzalo.component.zalo.provider;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderJsonTest {

    private static final DateTimeFormatter PROVIDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The digit-by-digit reading of provider times must agree with the formatter it short-cuts. */
    @ParameterizedTest
    @ValueSource(strings = { "2023-08-03 16:32:40", "2024-02-29 00:00:00", "2023-02-29 12:00:00",
            "2023-04-31 23:59:59", "2023-13-01 10:00:00", "2023-08-03 24:00:00", "2023-08-03 16:32:60",
            "0000-01-01 00:00:00", "2023-8-03 16:32:40", "2023-08-03T16:32:40", "2023-08-03 16:32:4x",
            " 2023-08-03 16:32:40 ", "2023/08/03 16:32:40", "" })
    void providerTimesReadAsTheFormatterReadsThem(String text) {
        LocalDateTime expected;
        String t = text.strip();
        try {
            expected = t.isEmpty() ? null
                    : t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, PROVIDER_TIME);
        } catch (DateTimeParseException e) {
            expected = null;
        }

        assertThat(ProviderJson.time(text)).isEqualTo(expected);
    }
}
