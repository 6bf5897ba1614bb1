/**
 * The self-contained HTML audit report: per issue type the metric table, ROC, PR and PR-gain curves as
 * PNG (Java2D, no plotting library), and the top-ranked items of every detector as thumbnails (pairs side
 * by side) with score and ground truth.
 */
package org.cleanrank.cli.report;
