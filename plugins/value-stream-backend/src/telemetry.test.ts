import { OTHER_LABEL, TelemetryLabels } from './telemetry';

describe('TelemetryLabels', () => {
  const catalog = new Set(
    Array.from({ length: 20 }, (_, i) => `component:default/svc-${i}`),
  );
  const labels = () =>
    new TelemetryLabels({
      knownSources: () => ['github', 'jira', 'events', 'cdevents'],
      isKnownEntity: ref => catalog.has(ref),
      maxEntities: 10,
    });

  it('keeps registered sources and collapses any other to "other"', () => {
    const l = labels();
    expect(l.source('github')).toBe('github');
    expect(l.source('events')).toBe('events');
    expect(l.source('cdevents')).toBe('cdevents');
    const chosen = new Set(
      Array.from({ length: 10_000 }, (_, i) => l.source(`attacker-${i}`)),
    );
    expect([...chosen]).toEqual([OTHER_LABEL]);
  });

  it('labels only catalog entities, at most maxEntities of them', () => {
    const l = labels();
    expect(l.entity('component:default/svc-0')).toBe('component:default/svc-0');
    expect(l.entity('component:default/not-in-catalog')).toBe(OTHER_LABEL);
    const values = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      values.add(l.entity(`component:default/random-${i}`));
    }
    for (const ref of catalog) values.add(l.entity(ref));
    // 10 entities of their own, and "other" for the rest.
    expect(values.size).toBe(11);
    expect(values.has(OTHER_LABEL)).toBe(true);
    // An entity that got a label keeps it.
    expect(l.entity('component:default/svc-0')).toBe('component:default/svc-0');
    expect(l.entity('component:default/svc-19')).toBe(OTHER_LABEL);
  });
});
