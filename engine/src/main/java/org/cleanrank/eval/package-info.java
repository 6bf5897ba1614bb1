/**
 * CleanPatrick's evaluation of a ranking against ground truth: Recall@k, Precision@k, AUROC, AP and
 * AUPRG as its metric code computes them, the curves behind them for the report, and the near-duplicate
 * evaluation over annotated pairs sorted as its {@code get_sorted_labels} sorts them, without an N x N
 * matrix.
 */
package org.cleanrank.eval;
