package newsflow.enrich.classify;

/** Feature indices (ascending) and their values. */
record SparseVector(int[] index, float[] value) {

    double dot(float[] weights) {
        double s = 0;
        for (int k = 0; k < index.length; k++) {
            s += weights[index[k]] * value[k];
        }
        return s;
    }

    /** The dot product over the indices below {@code split} and over the rest, apart. */
    double[] dotSplit(float[] weights, int split) {
        double below = 0;
        double above = 0;
        for (int k = 0; k < index.length; k++) {
            double v = weights[index[k]] * value[k];
            if (index[k] < split) {
                below += v;
            } else {
                above += v;
            }
        }
        return new double[]{below, above};
    }

    double squaredNorm() {
        double s = 0;
        for (float v : value) {
            s += v * v;
        }
        return s;
    }

    void addTo(float[] weights, double scale) {
        for (int k = 0; k < index.length; k++) {
            weights[index[k]] += (float) (scale * value[k]);
        }
    }
}
