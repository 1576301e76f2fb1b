package io.github.camelzalo.benchmark;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The CareSoft answer as a hand-written route would map it: the code and the data as a map. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class StatusAnswer {

    public String code;
    public Map<String, Object> data;

    /** What each case's result is checked against: the user id the stub answers. */
    static boolean isExpected(Object body) {
        return body instanceof StatusAnswer a && "ok".equals(a.code) && a.data != null
               && "631292".equals(a.data.get("user_id"));
    }
}
