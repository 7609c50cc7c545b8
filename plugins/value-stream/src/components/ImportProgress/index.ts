export { ImportProgress, isImporting } from './ImportProgress';
export { useImportJobs } from './useImportJobs';
