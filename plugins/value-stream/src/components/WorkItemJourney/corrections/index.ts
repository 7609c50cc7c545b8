export { ItemCorrections } from './ItemCorrections';
export { UndoNotice } from './UndoNotice';
export { UnlinkButton } from './UnlinkButton';
export { useCorrections } from './useCorrections';
export type { Corrections, LastCorrection } from './useCorrections';
