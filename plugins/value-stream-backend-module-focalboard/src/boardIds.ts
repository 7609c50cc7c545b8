/** The annotation naming an entity's Focalboard boards (comma-separated board ids). */
export const FOCALBOARD_BOARD_ID_ANNOTATION = 'focalboard/board-id';

/** The board ids of an annotation value. Pure. */
export function boardIdsOf(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map(id => id.trim())
        .filter(Boolean),
    ),
  ];
}
