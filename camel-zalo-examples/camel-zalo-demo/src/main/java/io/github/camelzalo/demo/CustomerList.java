package io.github.camelzalo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the customers to contact from a CSV file with a header row ({@code phone}, {@code name}, {@code order_id},
 * and {@code zalo_id} for the official API; other columns are ignored, {@code #} lines are comments). The same file seeds the sandbox's directory.
 */
public final class CustomerList {

    private final URL source;

    public CustomerList(URL source) {
        this.source = source;
    }

    public URL source() {
        return source;
    }

    /** Called by the route for every run, so an edited file is read afresh. */
    public List<DemoCustomer> load() {
        List<String> lines;
        try (InputStream in = source.openStream()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the customer list " + source, e);
        }
        List<String> header = Arrays.asList(split(lines.get(0)));
        int phone = column(header, "phone");
        int name = column(header, "name");
        int order = column(header, "order_id");
        // optional: the official API sends by Zalo user id
        int zaloId = header.indexOf("zalo_id");
        List<DemoCustomer> customers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = split(line);
            customers.add(new DemoCustomer(cell(cells, phone), cell(cells, name), cell(cells, order),
                    zaloId < 0 ? null : cell(cells, zaloId)));
        }
        return customers;
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("The customer list has no column " + name + ": " + header);
        }
        return i;
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length ? cells[i].strip() : "";
    }

    /** Splits a CSV line; a cell in double quotes may hold commas. */
    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.stream().map(String::strip).toArray(String[]::new);
    }
}
