package io.github.camelzalo.sandbox;

/** One CareSoft account ("domain"): its URL slug, its API token, and its own rate limit. */
final class CareSoftTenant {

    final String name;
    final String apiKey;
    final CareSoftRateLimiter limiter;

    CareSoftTenant(String name, String apiKey, CareSoftRateLimiter limiter) {
        this.name = name;
        this.apiKey = apiKey;
        this.limiter = limiter;
    }
}
