export interface Config {
  valueStream?: {
    demo?: {
      /** Generate 90 days of demo history for the example entities and keep it moving. Defaults to false. */
      enabled?: boolean;
    };
  };
}
