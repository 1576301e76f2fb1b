package io.github.camelzalo.component.zalo.redis;

/**
 * The Lua scripts of the shared 429 state of one account, each one atomic in Redis. The state is a hash:
 * {@code inARow} (429 answers since the last success, every instance counted), {@code episodes} (slowdowns since
 * the last success after a slowdown, for the doubling back-off), {@code slowdownAt}, {@code pausedUntil} and
 * {@code slowRate}; times are epoch milliseconds of the instances' clocks. Beside it, {@code grants}: a sorted set of
 * the permits every instance took in the last seconds, to know what the provider let through before it refused.
 */
final class PacingScripts {

    /** KEYS[1] grants; ARGV now, count, member. */
    static final String GRANTED = """
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3] .. ':' .. ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - 5000)
            redis.call('PEXPIRE', KEYS[1], 10000)
            return 1
            """;

    /**
     * A 429. KEYS[1] state, KEYS[2] grants; ARGV now, grantedAt, retryAfterMs (-1: none), currentLimit, minRate,
     * maxInARow, defaultBackoffMs, maxBackoffMs. Returns {slowed (0/1), inARow, pause ms from now, extended ms, the new
     * rate as text}: a 429 to a request granted after the last slowdown, once its pause is over, starts an episode
     * (slow down to 90% of what the provider let through in the second before, by half at most, and pause, doubling
     * per episode). Any other echoes it (another instance's request sent before the pause reached it, or one granted
     * in the same millisecond) and only a longer Retry-After counts. At maxInARow 429s in a row every instance pauses the longest.
     */
    static final String RATE_LIMITED = """
            local now = tonumber(ARGV[1]); local granted = tonumber(ARGV[2]); local retryAfter = tonumber(ARGV[3])
            local current = tonumber(ARGV[4]); local minRate = tonumber(ARGV[5]); local maxInARow = tonumber(ARGV[6])
            local defaultBackoff = tonumber(ARGV[7]); local maxBackoff = tonumber(ARGV[8])
            local s = redis.call('HMGET', KEYS[1], 'inARow', 'episodes', 'slowdownAt', 'pausedUntil', 'slowRate')
            local inARow = (tonumber(s[1]) or 0) + 1
            local episodes = tonumber(s[2]) or 0
            local slowdownAt = tonumber(s[3]) or 0
            local before = tonumber(s[4]) or 0
            local pausedUntil = before
            local rate = tonumber(s[5]) or current
            local slowed = 0
            if granted > slowdownAt and now >= before then
              episodes = episodes + 1
              local backoff = retryAfter
              if backoff < 0 then backoff = math.min(maxBackoff, defaultBackoff * 2 ^ math.min(episodes - 1, 6)) end
              local letThrough = 0
              for _, v in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], granted - 1005, granted)) do
                letThrough = letThrough + tonumber(string.match(v, ':(%d+)$'))
              end
              letThrough = math.max(letThrough, current / 2)
              rate = math.max(math.min(minRate, current), 0.9 * math.min(current, letThrough))
              slowdownAt = now
              pausedUntil = math.max(pausedUntil, now + backoff)
              slowed = 1
            elseif retryAfter >= 0 then
              pausedUntil = math.max(pausedUntil, now + retryAfter)
            end
            if inARow >= maxInARow then
              pausedUntil = math.max(pausedUntil, now + maxBackoff)
            end
            redis.call('HSET', KEYS[1], 'inARow', inARow, 'episodes', episodes, 'slowdownAt', slowdownAt,
                       'pausedUntil', pausedUntil, 'slowRate', tostring(rate))
            redis.call('PEXPIRE', KEYS[1], 900000)
            return {slowed, inARow, math.max(0, pausedUntil - now), math.max(0, pausedUntil - math.max(before, now)),
                    tostring(rate)}
            """;

    /** Any other answer. KEYS[1] state; ARGV grantedAt. Ends the run of 429s, and the episode if it came after it. */
    static final String ANSWERED = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local slowdownAt = tonumber(redis.call('HGET', KEYS[1], 'slowdownAt')) or 0
            redis.call('HSET', KEYS[1], 'inARow', 0)
            if tonumber(ARGV[1]) > slowdownAt then redis.call('HSET', KEYS[1], 'episodes', 0) end
            return 1
            """;

    private PacingScripts() {
    }
}
