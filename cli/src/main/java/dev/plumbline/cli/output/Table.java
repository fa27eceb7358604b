package dev.plumbline.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Columns aligned as {@code kubectl get} aligns them: upper-case headings, at least two spaces between columns. */
public final class Table {

    private final List<String> headings;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headings) {
        this.headings = headings;
    }

    public static Table withColumns(String... headings) {
        return new Table(Arrays.asList(headings));
    }

    /** A row; a null cell is printed as {@code -}. */
    public Table row(Object... cells) {
        if (cells.length != headings.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells in a table of " + headings.size() + " columns");
        }
        rows.add(Arrays.stream(cells)
                .map(cell -> cell == null || cell.toString().isEmpty() ? "-" : cell.toString())
                .toList());
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headings.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headings.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        printRow(out, headings.stream().map(String::toUpperCase).toList(), widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            boolean last = column == cells.size() - 1;
            line.append(last ? cells.get(column) : String.format("%-" + (widths[column] + 2) + "s", cells.get(column)));
        }
        out.println(line.toString().stripTrailing());
    }
}
