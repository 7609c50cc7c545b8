import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';
import { presetRange } from '../../lib/dateRange';
import { RollUp } from '../TeamCard/TeamCard';

/**
 * System page card: the value-stream roll-up of the components `partOf` the system over
 * the last 30 days, with the change against the 30 days before (DESIGN §15).
 * @public
 */
export function SystemCard() {
  const { entity } = useEntity();
  const api = useApi(valueStreamApiRef);
  const systemRef = stringifyEntityRef(entity);
  const [range] = useState(() => presetRange('30'));
  const { value, loading, error } = useAsync(
    () =>
      api.getSystemMetrics(systemRef, {
        from: range.from,
        to: range.to,
        compare: 'previous',
      }),
    [api, systemRef, range],
  );
  return (
    <div data-testid="value-stream-system-card">
      <InfoCard
        title="Value stream"
        subheader="System roll-up of its components, last 30 days"
      >
        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title="Roll-up unavailable" />
        )}
        {value && <RollUp metrics={value} />}
      </InfoCard>
    </div>
  );
}
