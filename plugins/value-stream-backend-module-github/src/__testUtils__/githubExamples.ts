import defs from '@octokit/webhooks-examples';
import { validateCanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import { githubToEvents } from '../mapping';

/** A deep copy of example `index` of event `name` in @octokit/webhooks-examples. */
export function example(name: string, index: number): any {
  const def = (defs as Array<{ name: string; examples: unknown[] }>).find(
    d => d.name === name,
  );
  if (!def?.examples[index]) throw new Error(`no example ${name}[${index}]`);
  return structuredClone(def.examples[index]);
}

/** Maps a payload as GitHub delivers it and checks every event against the schema. */
export function map(name: string, payload: unknown): CanonicalEvent[] {
  const events = githubToEvents(payload, { 'x-github-event': name });
  for (const event of events) {
    const result = validateCanonicalEvent(event);
    if (!result.ok) throw new Error(result.message);
    expect(result.known).toBe(true);
  }
  return events;
}
