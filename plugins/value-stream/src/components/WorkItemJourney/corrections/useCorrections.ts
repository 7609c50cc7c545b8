import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  inverseCorrection,
  valueStreamCorrectionCreatePermission,
  type Correction,
  type WorkItemDetail,
} from '@valuestream/backstage-plugin-value-stream-common';
import { useCallback, useState } from 'react';
import { valueStreamApiRef } from '../../../api';

/** The last correction made in the dialog, and the one that undoes it. */
export interface LastCorrection {
  message: string;
  undo: Correction;
}

/** What the dialog's correction controls need (DESIGN §16). */
export interface Corrections {
  /** Whether the user holds `value-stream.correction.create` (false while checking). */
  allowed: boolean;
  busy: boolean;
  last?: LastCorrection;
  /** Sends a correction, remembers its inverse for undo, then reloads the journey. */
  apply(correction: Correction, message: string): Promise<void>;
  /** Sends the inverse of the last correction. */
  undo(): Promise<void>;
}

/**
 * The corrections of one item's journey: only offered to users allowed
 * `value-stream.correction.create`; a failure is posted to the error API.
 */
export function useCorrections(
  item: Pick<WorkItemDetail, 'itemType' | 'value'> | undefined,
  onApplied: () => void,
): Corrections {
  const api = useApi(valueStreamApiRef);
  const errorApi = useApi(errorApiRef);
  const { allowed } = usePermission({
    permission: valueStreamCorrectionCreatePermission,
  });
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LastCorrection>();

  const send = useCallback(
    async (correction: Correction, next: LastCorrection | undefined) => {
      setBusy(true);
      try {
        await api.createCorrection(correction);
        setLast(next);
        onApplied();
      } catch (e) {
        errorApi.post(new Error(`Failed to correct: ${(e as Error).message}`));
      } finally {
        setBusy(false);
      }
    },
    [api, errorApi, onApplied],
  );

  const apply = useCallback(
    (correction: Correction, message: string) =>
      send(correction, {
        message,
        undo: inverseCorrection(correction, {
          itemType: item?.itemType,
          value: item?.value,
        }),
      }),
    [send, item?.itemType, item?.value],
  );

  const undo = useCallback(
    () => (last ? send(last.undo, undefined) : Promise.resolve()),
    [send, last],
  );

  return { allowed, busy, last, apply, undo };
}
