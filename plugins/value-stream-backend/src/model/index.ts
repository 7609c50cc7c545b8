/** Domain types shared by the store, correlation, metrics and services. */
export * from './alerts';
export * from './artifacts';
export * from './branches';
export * from './deployments';
export * from './events';
export * from './subjects';
export * from './workItems';
export * from './importJobs';
