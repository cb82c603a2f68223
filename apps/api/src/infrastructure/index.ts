// What the composition root offers other folders: the dev session's sign-in needs the runtime's
// shape and the demo's municipalities.
export type { Runtime } from './runtime';
export { DEMO_MUNICIPALITIES } from './demo/demo-municipalities';
