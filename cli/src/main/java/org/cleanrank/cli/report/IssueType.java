package org.cleanrank.cli.report;

/** CleanPatrick's three issue types, in the order its table lists them. */
public enum IssueType {
    NEAR_DUPLICATES("near_duplicates", "Near-duplicates", "pairs"),
    OFF_TOPIC("off_topic", "Off-topic samples", "samples"),
    LABEL_ERRORS("label_errors", "Label errors", "samples");

    private final String key;
    private final String title;
    private final String items;

    IssueType(String key, String title, String items) {
        this.key = key;
        this.title = title;
        this.items = items;
    }

    /** File-name and JSON key. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** What the ranking's items are: "pairs" or "samples". */
    public String items() {
        return items;
    }
}
