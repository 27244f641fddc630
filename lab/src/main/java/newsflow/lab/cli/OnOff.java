package newsflow.lab.cli;

/** The values of a lab option that switches something on or off; picocli refuses any other, naming these. */
enum OnOff {
    on, off
}
