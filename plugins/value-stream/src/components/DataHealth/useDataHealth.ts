import { useApi } from '@backstage/core-plugin-api';
import type { DataHealth } from '@valuestream/backstage-plugin-value-stream-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { valueStreamApiRef } from '../../api';

/** `GET …/data-health` for one entity: its last 30 days of input and the fixes. */
export function useDataHealth(entityRef: string) {
  const api = useApi(valueStreamApiRef);
  return useAsyncRetry(
    (): Promise<DataHealth> => api.getDataHealth(entityRef),
    [api, entityRef],
  );
}
