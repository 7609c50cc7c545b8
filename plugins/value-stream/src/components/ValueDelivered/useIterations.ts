import { useApi } from '@backstage/core-plugin-api';
import type { IterationListResponse } from '@valuestream/backstage-plugin-value-stream-common';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';

/** `GET …/iterations` for one entity and range. */
export function useIterations(entityRef: string, from: string, to: string) {
  const api = useApi(valueStreamApiRef);
  return useAsync(
    (): Promise<IterationListResponse> =>
      api.getIterations(entityRef, { from, to }),
    [api, entityRef, from, to],
  );
}
