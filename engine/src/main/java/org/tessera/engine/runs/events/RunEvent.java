package org.tessera.engine.runs.events;

/**
 * One line of a run's metrics.jsonl, typed: the schema is docs/contracts/metrics-event.schema.json. Written only
 * through {@link RunEvents#toJson} (the worker's {@code RunContext.metric}) and read only through
 * {@link RunEvents#read}, so a field is spelled in one place.
 */
public sealed interface RunEvent permits TrainStep, EvalEvent, HarvestEvent {
    /** The optimizer step the event belongs to (0: before the first). */
    long step();

    /** The event's kind as written: train, eval or harvest. */
    String event();
}
