import { EntityIndex } from '../entities/EntityIndex';
import {
  inclusionChanges,
  incidentEntities,
  ownEntities,
  withOtherIncidents,
} from './resolveArtifacts';

const PAYMENTS = 'component:default/payments';
const CHECKOUT = 'component:default/checkout';
const index = new EntityIndex([
  {
    kind: 'Component',
    metadata: {
      name: 'payments',
      annotations: {
        'github.com/project-slug': 'acme/payments',
        'pagerduty.com/service-id': 'PD1',
      },
    },
  },
  {
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: { 'github.com/project-slug': 'acme/checkout' },
    },
  },
]);
const incident = (id: string, extra: object = {}) => ({
  incidentId: id,
  entityRef: null,
  service: null,
  ...extra,
});

describe('ownEntities', () => {
  it('takes entityRef, else the service, else the repository', () => {
    const a = { entityRef: null, service: 'pd1', repository: 'acme/checkout' };
    expect(ownEntities(index, { ...a, entityRef: 'component:x/y' })).toEqual([
      'component:x/y',
    ]);
    expect(ownEntities(index, a)).toEqual([PAYMENTS]);
    expect(ownEntities(index, { ...a, service: 'unknown' })).toEqual([
      CHECKOUT,
    ]);
    expect(
      ownEntities(index, { ...a, service: null, repository: null }),
    ).toEqual([]);
  });
});

describe('incidentEntities', () => {
  const known = {
    deployments: new Map([
      ['d1', [CHECKOUT]],
      ['d2', []],
    ]),
    commitRepositories: new Map<string, string | null>([
      ['abc1234', 'acme/payments'],
    ]),
  };

  it('places an incident by its own fields first', () => {
    expect(
      incidentEntities(
        index,
        [incident('i1', { service: 'PD1', deploymentId: 'd1' })],
        known,
      ),
    ).toEqual(new Map([['i1', [PAYMENTS]]]));
  });

  it('else by the deployment it names, else by the commit it names', () => {
    expect(
      incidentEntities(
        index,
        [
          incident('i1', { deploymentId: 'd1', commitSha: 'abc1234' }),
          incident('i2', { deploymentId: 'd2', commitSha: 'abc1234' }),
          incident('i3', { commitSha: 'fff0000' }),
          incident('i4'),
        ],
        known,
      ),
    ).toEqual(
      new Map([
        ['i1', [CHECKOUT]],
        ['i2', [PAYMENTS]],
        ['i3', []],
        ['i4', []],
      ]),
    );
  });
});

describe('withOtherIncidents', () => {
  it('keeps the incidents of this pass over stored rows of the same id', () => {
    const own = incident('i1', { service: 'new' });
    expect(
      withOtherIncidents(
        [own],
        [incident('i1', { service: 'old' }), incident('i2')],
      ),
    ).toEqual([own, incident('i2')]);
  });
});

describe('inclusionChanges', () => {
  it('rewrites only the deployments whose commits changed, naming the moved commits', () => {
    const before = new Map([
      ['d1', new Set(['a', 'b'])],
      ['d2', new Set(['c'])],
    ]);
    const inclusion = new Map([
      ['d1', ['a', 'b']],
      ['d2', ['d']],
      ['d3', ['e']],
    ]);
    expect(inclusionChanges(before, inclusion)).toEqual({
      changed: new Map([
        ['d2', ['d']],
        ['d3', ['e']],
      ]),
      moved: ['d', 'c', 'e'],
    });
  });
});
