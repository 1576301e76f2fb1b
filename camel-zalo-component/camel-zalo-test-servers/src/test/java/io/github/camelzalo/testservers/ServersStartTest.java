package io.github.camelzalo.testservers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each server answers on its port once started, and is gone once closed. */
class ServersStartTest {

    @Test
    void redisAnswersUntilClosedAndCanCrashAndComeBack() {
        RedisServer redis = RedisServer.start();
        try {
            assertThat(redis.command("SET", "k", "v")).isEqualTo("OK");
            assertThat(redis.command("GET", "k")).isEqualTo("v");
            redis.kill();
            assertThatThrownBy(() -> redis.command("PING")).isInstanceOf(IllegalStateException.class);
            redis.restart();
            assertThat(redis.command("GET", "k")).as("a new node keeps nothing").isNull();
        } finally {
            redis.close();
        }
        assertThat(listening(redis.port())).isFalse();
    }

    @Test
    void postgresListensUntilClosed() {
        PostgresServer pg = PostgresServer.start();
        try {
            assertThat(listening(pg.port())).isTrue();
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres");
        } finally {
            pg.close();
        }
        assertThat(listening(pg.port())).isFalse();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
