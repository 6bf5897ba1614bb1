/**
 * {@code report.html}, the page an auditor opens after a benchmark run: per issue type the metric table,
 * ROC / PR / PR-gain curves drawn with Java2D (no plotting library), and the top of every detector's ranking as
 * thumbnails with score and ground truth. Everything it references is written beside it (relative paths).
 */
package org.cleanrank.cli.report;
