package newsflow.enrich.classify;

/** Per-label weight vectors and biases: a label's raw score is {@code weights[l] · x + bias[l]}. */
record LinearWeights(float[][] weights, float[] bias) {
}
