import { useCallback, useEffect, useRef, useState } from 'react';
import { describeFailure, type Failure } from './failure';

export interface Loaded<T> {
  data: T | undefined;
  failure: Failure | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads once per change of `deps`; `reload` reads again (after an action), keeping what is shown meanwhile. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; failure?: Failure; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    latest.current().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState((previous) => ({ data: previous.data, failure: describeFailure(error), loading: false })),
    );
    return () => {
      current = false;
    };
    // `load` is read through a ref: a new closure on every render must not reload.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, failure: state.failure, loading: state.loading, reload };
}

export type ActionState<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: T } | { status: 'failed'; failure: Failure };

/** One user action: its progress and its outcome, for the button and the message beside it. */
export function useAction<T, Args extends unknown[]>(action: (...args: Args) => Promise<T>) {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback(async (...args: Args): Promise<T | undefined> => {
    setState({ status: 'running' });
    try {
      const result = await latest.current(...args);
      setState({ status: 'done', result });
      return result;
    } catch (error) {
      setState({ status: 'failed', failure: describeFailure(error) });
      return undefined;
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset, running: state.status === 'running' };
}
