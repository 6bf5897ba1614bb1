/**
 * The one thread pool of the engine: {@link org.cleanrank.concurrent.ParallelTasks} runs independent
 * indexed tasks on the calling thread plus shared daemon helpers. Every parallel loop (pair tiles, folds,
 * trees, features, image files) goes through it, so thread handling, failure propagation and the rule
 * that no result depends on the thread count live in one place.
 */
package org.cleanrank.concurrent;
