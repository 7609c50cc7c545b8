import { useApi } from '@backstage/core-plugin-api';
import type { ValueResponse } from '@valuestream/backstage-plugin-value-stream-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { valueStreamApiRef } from '../../api';

/** `GET …/value` for one entity and range: its features and their outcomes. */
export function useFeatureOutcomes(
  entityRef: string,
  from: string,
  to: string,
) {
  const api = useApi(valueStreamApiRef);
  return useAsyncRetry(
    (): Promise<ValueResponse> => api.getValue(entityRef, { from, to }),
    [api, entityRef, from, to],
  );
}
