import { v5 as uuidv5 } from 'uuid';
import type { AnyProcessManager } from '@familybank/domain-workflows';
import type { RecordedEvent } from '@familybank/event-store';

const COMMAND_ID_NAMESPACE = '8d3e2f6a-4c1b-4e7d-9a55-2b6f0c8e1d47';

/** What set a workflow's commands off, and so as whom, for whom and under which correlation they run. */
export interface Trigger {
  /** The triggering event's id, or the tick's. */
  id: string;
  actor: string;
  correlationId: string;
  /** The municipality the commands act for: the one that owns the triggering event's stream, or the instance's. */
  municipality: string;
}

/**
 * A recorded event as a trigger. The actor is the partner whose message set the workflow off (as the
 * federation steps were recorded before), otherwise the workflow itself.
 */
export function eventTrigger(event: RecordedEvent, manager: AnyProcessManager): Trigger {
  const { actor, correlationId, municipality } = event.metadata;
  return { id: event.eventId, actor: actor.startsWith('partner:') ? actor : `system:${manager.name}`, correlationId, municipality };
}

export function tickTrigger(now: Date, manager: AnyProcessManager, municipality: string): Trigger {
  const id = `tick:${now.toISOString()}`;
  return { id, actor: `system:${manager.name}`, correlationId: id, municipality };
}

/**
 * The same trigger, manager, instance and place of the command (`0`, `1`, `0.0` for the first command
 * answering the first one's refusal) give the same command id, so a replayed batch appends nothing twice.
 */
export const commandIdFor = (trigger: Trigger, manager: AnyProcessManager, instanceId: string, place: string): string =>
  uuidv5(`${trigger.id}|${manager.name}|${instanceId}|${place}`, COMMAND_ID_NAMESPACE);
