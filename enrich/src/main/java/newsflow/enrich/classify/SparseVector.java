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
