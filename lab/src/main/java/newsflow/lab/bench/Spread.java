package newsflow.lab.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and range of repeated measurements: what a benchmark reports, since one run on a shared machine is noise. */
record Spread(double median, double min, double max) {

    static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1]);
    }

    /** e.g. {@code 812.4 (790.1–830.0)}. */
    String format(String number) {
        return String.format(Locale.ROOT, number + " (" + number + "–" + number + ")", median, min, max);
    }
}
