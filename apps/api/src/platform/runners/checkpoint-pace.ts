/**
 * How far the stored checkpoint of a runner of the log (webhook worker, workflows) may lag behind
 * the batches it read that wrote nothing. Most commits concern a given runner not at all (no
 * subscriber, no workflow), and storing the checkpoint alone after each would cost a commit of its
 * file per burst of commands (an fsync where the file is FULL). A batch that wrote nothing writes
 * nothing when it is read again after a crash either (whatever it would depend on was written with
 * a later checkpoint), so its checkpoint may wait until something is written, or this many events
 * pile up; the runners store it on close as well.
 */
export const LAZY_CHECKPOINT_EVENTS = 1_000;

/** Whether a checkpoint at `reached`, with nothing written since `stored`, should be stored now. */
export const checkpointDue = (stored: number, reached: number): boolean => reached - stored >= LAZY_CHECKPOINT_EVENTS;
