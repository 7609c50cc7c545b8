import { useApi } from '@backstage/core-plugin-api';
import type { ImportJob } from '@valuestream/backstage-plugin-value-stream-common';
import { useEffect, useState } from 'react';
import { valueStreamApiRef } from '../../api';
import { isImporting } from './ImportProgress';

/** How often the jobs are read again while one is importing. */
export const IMPORT_POLL_MS = 3000;

/**
 * The entity's import jobs, read again every few seconds while one is pending or running.
 * A failed read leaves the last answer (the tab works without import).
 */
export function useImportJobs(entityRef: string): ImportJob[] {
  const api = useApi(valueStreamApiRef);
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      let next: ImportJob[] | undefined;
      try {
        next = (await api.getImport(entityRef)).jobs;
      } catch {
        next = undefined;
      }
      if (stopped) return;
      if (next) setJobs(next);
      if (next?.some(isImporting)) timer = setTimeout(read, IMPORT_POLL_MS);
    };
    read();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, entityRef]);
  return jobs;
}
