package dev.sleet.dialect;

/** A statement uses a construct its database does not have (found while rendering, before anything runs). */
public final class UnsupportedFeatureException extends RuntimeException {

    private final String dialect;
    private final Feature feature;

    public UnsupportedFeatureException(String dialect, Feature feature) {
        super(feature.sql() + " is not available on " + dialect);
        this.dialect = dialect;
        this.feature = feature;
    }

    public String dialect() {
        return dialect;
    }

    public Feature feature() {
        return feature;
    }
}
