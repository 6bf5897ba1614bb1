/**
 * The classifiers behind Confident Learning's out-of-fold probabilities: scikit-learn's
 * {@code StratifiedKFold} folds, its AdaBoost (SAMME.R over depth-1 trees with sklearn's split search and
 * random draws) and its multinomial logistic regression (L-BFGS), reproduced closely enough that the
 * probabilities, and the flagged samples, match the reference.
 */
package org.cleanrank.label.classify;
