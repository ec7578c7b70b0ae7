package dev.sleet.kit;

/** Where the kit reports progress; the CLI prints it, tests collect it. */
public interface Output {

    void info(String line);

    void warn(String line);

    Output SILENT = new Output() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };
}
