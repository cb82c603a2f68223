import { useEffect, useRef } from 'react';
import type { FormValues } from './form-model';

/**
 * What was typed into the forms of a page, kept across the one trip that leaves the page on
 * purpose: signing in again when the sign-in could not be renewed. Saved just before the browser
 * leaves (saveDrafts), in sessionStorage (this tab only), for that page; each form takes its draft
 * back when it appears on that page again. Forms are told apart by their label (their aria-label).
 * Only forms that differ from what they started with are saved.
 */
const KEY = 'familybank.drafts';

interface Saved {
  path: string;
  drafts: Record<string, FormValues>;
}

/** The forms on screen now, each able to say what it holds (undefined: nothing typed). */
const sources = new Map<string, () => FormValues | undefined>();

function saved(storage: Storage): Saved | undefined {
  try {
    return (JSON.parse(storage.getItem(KEY) ?? 'null') as Saved | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves what the forms on screen hold, for `path` (the page the sign-in comes back to). Returns how many. */
export function saveDrafts(path: string, storage: Storage = sessionStorage): number {
  const drafts: Record<string, FormValues> = {};
  for (const [name, read] of sources) {
    const values = read();
    if (values) drafts[name] = values;
  }
  const count = Object.keys(drafts).length;
  if (count > 0) storage.setItem(KEY, JSON.stringify({ path, drafts } satisfies Saved));
  else storage.removeItem(KEY);
  return count;
}

/** The draft saved for the form `name` on `path`, if any (read during the first render). */
export function draftFor(name: string, path: string, storage: Storage = sessionStorage): FormValues | undefined {
  const kept = saved(storage);
  return kept?.path === path ? kept.drafts[name] : undefined;
}

/**
 * Registers a form as a source of drafts while it is on screen, and removes its saved draft once it
 * has been taken back (after mounting: React may render twice before that, reading it both times).
 */
export function useDraft(name: string, path: string, values: FormValues, initial: FormValues, storage: Storage = sessionStorage): void {
  const latest = useRef({ values, initial });
  latest.current = { values, initial };
  useEffect(() => {
    const read = () => (JSON.stringify(latest.current.values) === JSON.stringify(latest.current.initial) ? undefined : latest.current.values);
    sources.set(name, read);
    const kept = saved(storage);
    if (kept?.path === path && name in kept.drafts) {
      delete kept.drafts[name];
      if (Object.keys(kept.drafts).length > 0) storage.setItem(KEY, JSON.stringify(kept));
      else storage.removeItem(KEY);
    }
    return () => {
      if (sources.get(name) === read) sources.delete(name);
    };
  }, [name, path, storage]);
}
